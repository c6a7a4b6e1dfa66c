package org.ward.rules.recordings;

import java.util.List;
import java.util.Map;

import org.ward.rules.classify.RetentionVerdict;
import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * RECORDING_PAST_RETENTION: a patient recording older than its kind's retention period, measured from when it was
 * created. PASS: within the period. FAIL: past it. NOT EVALUATED: the pack sets no period, or the date is unknown.
 */
final class RecordingPastRetentionCheck implements Check<RecordingFacts> {

    @Override
    public CheckOutcome evaluate(RecordingFacts facts, Rule rule, CheckContext context) {
        RetentionVerdict verdict = context.retention().assess(facts.recording().kind(), facts.recording().item().createdDateTime(),
                context.now());
        if (verdict.status() == RetentionVerdict.Status.NOT_EVALUATED) {
            return CheckOutcome.notEvaluated(verdict.reason());
        }
        if (verdict.status() == RetentionVerdict.Status.WITHIN) {
            return CheckOutcome.PASS;
        }
        return CheckOutcome.found(FindingDraft.of(rule,
                "A " + facts.kindWords() + " is kept " + verdict.overdueDays() + " days past its retention period.",
                List.of("Classified as " + facts.kindWords() + ".", verdict.reason() + "."), facts.resource(), facts.owner())
                .withDetails(Map.of("retentionPeriod", String.valueOf(verdict.maximumAge()),
                        "expiredOn", String.valueOf(verdict.expiresAt()), "overdueDays", verdict.overdueDays())));
    }
}
