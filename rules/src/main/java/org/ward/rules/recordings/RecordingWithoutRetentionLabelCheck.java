package org.ward.rules.recordings;

import java.util.List;

import org.ward.rules.classify.LabelVerdict;
import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * RECORDING_WITHOUT_RETENTION_LABEL: a patient recording without the retention label its kind must carry (any
 * file can carry one, audio and video included). PASS: the required label, or none required. FAIL: no label or
 * another one.
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
        return CheckOutcome.found(FindingDraft.of(rule, title,
                List.of("Classified as " + facts.kindWords() + ".", verdict.reason() + "."), facts.resource(),
                facts.owner()));
    }
}
