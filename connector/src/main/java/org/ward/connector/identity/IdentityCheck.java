package org.ward.connector.identity;

import org.ward.connector.findings.CheckOutcome;
import org.ward.connector.policy.FindingType;
import org.ward.connector.policy.Rule;

/** A tenant-level identity check (MFA registration and enforcement, legacy authentication, risk). Pure. */
public interface IdentityCheck {

    FindingType type();

    CheckOutcome evaluate(IdentityFacts facts, Rule rule);
}
