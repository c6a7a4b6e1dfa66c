package org.ward.rules.recordings;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
 * created; where the pack says the period starts at an event Graph does not show (a patient's 25th birthday), older
 * than the longest the period can run, so due for review. PASS: within the period. FAIL: past it. NOT EVALUATED: the
 * pack sets no period, or the date is unknown. The finding is a disposition candidate for the records manager: Ward
 * deletes nothing.
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
        String title = verdict.event() == null
                ? "A " + facts.kindWords() + " is kept " + verdict.overdueDays() + " days past its retention period."
                : "A " + facts.kindWords() + " is " + verdict.overdueDays() + " days past its review date (its retention"
                        + " period starts at \"" + verdict.event() + "\").";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", facts.recording().kind());
        details.put("retentionPeriod", String.valueOf(verdict.maximumAge()));
        details.put("expiredOn", String.valueOf(verdict.expiresAt()));
        details.put("overdueDays", verdict.overdueDays());
        details.put("trigger", verdict.trigger());
        details.put("reviewDate", verdict.expiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        String label = facts.recording().item().retentionLabel();
        details.put("retentionLabel", label == null || label.isBlank() ? "" : label);
        return CheckOutcome.found(FindingDraft.of(rule, title,
                List.of("Classified as " + facts.kindWords() + ".", verdict.reason() + "."), facts.resource(), facts.owner())
                .withDetails(details));
    }
}
