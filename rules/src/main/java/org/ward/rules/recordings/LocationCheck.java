package org.ward.rules.recordings;

import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Rule;

/** A check of one place that holds patient recordings against one rule. Pure. */
public interface LocationCheck {

    FindingType type();

    CheckOutcome evaluate(LocationFacts facts, Rule rule);
}
