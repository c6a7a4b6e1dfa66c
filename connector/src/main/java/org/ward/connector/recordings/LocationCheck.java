package org.ward.connector.recordings;

import org.ward.connector.findings.CheckOutcome;
import org.ward.connector.policy.FindingType;
import org.ward.connector.policy.Rule;

/** A check of one place that holds patient recordings against one rule. Pure. */
public interface LocationCheck {

    FindingType type();

    CheckOutcome evaluate(LocationFacts facts, Rule rule);
}
