package org.ward.rules.recordings;

import java.time.Instant;

import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Rule;

/** A check of one patient recording against one rule. Pure: facts and rule in, outcome out. */
public interface RecordingCheck {

    FindingType type();

    CheckOutcome evaluate(RecordingFacts facts, Rule rule, Instant now);
}
