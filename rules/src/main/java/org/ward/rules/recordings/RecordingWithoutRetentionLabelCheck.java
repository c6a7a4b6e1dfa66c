package org.ward.rules.recordings;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.classify.LabelVerdict;
import org.ward.rules.classify.RetentionVerdict;
import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * RECORDING_WITHOUT_RETENTION_LABEL: a patient recording without the retention label its kind must carry (any
 * file can carry one, audio and video included). PASS: the required label, or none required. FAIL: no label or
 * another one. The finding records the label to apply and, from the pack's retention period, what starts it (creation,
 * or an event such as a patient's 25th birthday) and the date to review the recording by; {@code ward protect} applies
 * the label.
 */
final class RecordingWithoutRetentionLabelCheck implements Check<RecordingFacts> {

    @Override
    public CheckOutcome evaluate(RecordingFacts facts, Rule rule, CheckContext context) {
        if (GracePeriod.within(rule, facts.recording().item().createdDateTime(), context.now())) {
            return CheckOutcome.PASS;
        }
        LabelVerdict verdict = context.labels().retentionLabel(facts.recording().kind(), facts.recording().item().retentionLabel());
        if (verdict.status() != LabelVerdict.Status.MISSING && verdict.status() != LabelVerdict.Status.DIFFERENT) {
            return CheckOutcome.PASS;
        }
        String title = verdict.status() == LabelVerdict.Status.MISSING
                ? "A " + facts.kindWords() + " has no retention label."
                : "A " + facts.kindWords() + " carries the retention label \"" + verdict.actual() + "\" instead of \""
                        + verdict.required() + "\".";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requiredLabel", verdict.required());
        details.put("actualLabel", verdict.actual() == null ? "" : verdict.actual());
        RetentionVerdict period = context.retention().assess(facts.recording().kind(),
                facts.recording().item().createdDateTime(), context.now());
        if (period.status() != RetentionVerdict.Status.NOT_EVALUATED) {
            details.put("trigger", period.trigger());
            details.put("reviewDate", period.expiresAt().atZone(ZoneOffset.UTC).toLocalDate().toString());
        }
        return CheckOutcome.found(FindingDraft.of(rule, title,
                List.of("Classified as " + facts.kindWords() + ".", verdict.reason() + "."), facts.resource(),
                facts.owner()).withDetails(details));
    }
}
