package org.ward.rules.identity;

import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Rule;

/** A tenant-level identity check (MFA registration and enforcement, legacy authentication, risk). Pure. */
public interface IdentityCheck {

    FindingType type();

    CheckOutcome evaluate(IdentityFacts facts, Rule rule);
}
