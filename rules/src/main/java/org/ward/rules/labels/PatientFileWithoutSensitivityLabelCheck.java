package org.ward.rules.labels;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.classify.LabelVerdict;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * PATIENT_FILE_WITHOUT_SENSITIVITY_LABEL: an Office or PDF file naming a patient beside patient recordings (a consent
 * form, a transcript, notes) without a sensitivity label, or with one below the pack's {@code fileSensitivity} for the
 * kinds beside it — or one the pack's order does not list, so Ward cannot tell. PASS: at least the label required, or
 * none required. NOT EVALUATED: Ward could not read the file's label.
 */
final class PatientFileWithoutSensitivityLabelCheck implements Check<PatientFileFacts> {

    @Override
    public CheckOutcome evaluate(PatientFileFacts facts, Rule rule, CheckContext context) {
        if (context.labels().fileSensitivityFor(facts.kindsBeside()).isEmpty()) {
            return CheckOutcome.PASS;
        }
        if (facts.notReadBecause() != null) {
            return CheckOutcome.notEvaluated(facts.notReadBecause());
        }
        LabelVerdict verdict = context.labels().fileSensitivity(facts.kindsBeside(), facts.labelId(), facts.labelName());
        String beside = "beside " + String.join(", ", facts.kindsBeside().stream().map(k -> k.replace('-', ' ')).toList())
                + " recordings";
        String title = switch (verdict.status()) {
            case MISSING -> "A file naming a patient " + beside + " has no sensitivity label.";
            case LOWER_THAN_REQUIRED -> "A file naming a patient " + beside + " carries the sensitivity label \""
                    + verdict.actual() + "\", below the required \"" + verdict.required() + "\".";
            case UNKNOWN_LABEL -> "A file naming a patient " + beside + " carries a sensitivity label the pack does not"
                    + " list, so Ward cannot tell whether it meets \"" + verdict.required() + "\".";
            default -> null;
        };
        if (title == null) {
            return CheckOutcome.PASS;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requiredLabel", verdict.required());
        details.put("actualLabel", verdict.actual() == null ? "" : verdict.actual());
        details.put("actualLabelId", facts.labelId() == null ? "" : facts.labelId());
        details.put("kindsBeside", String.join(", ", facts.kindsBeside()));
        return CheckOutcome.found(FindingDraft.of(rule, title, List.of("It names a patient and sits in a folder with"
                + " patient recordings, which Graph cannot label themselves.", verdict.reason() + "."),
                facts.resource(), facts.owner()).withDetails(details));
    }
}
