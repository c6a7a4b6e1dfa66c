package org.ward.connector.recordings;

import java.time.Instant;

import org.ward.connector.findings.CheckOutcome;
import org.ward.connector.policy.FindingType;
import org.ward.connector.policy.Rule;

/** A check of one patient recording against one rule. Pure: facts and rule in, outcome out. */
public interface RecordingCheck {

    FindingType type();

    CheckOutcome evaluate(RecordingFacts facts, Rule rule, Instant now);
}
