package org.ward.rules.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.labels.LabelledSurroundings.CONTEXT;
import static org.ward.rules.labels.LabelledSurroundings.rule;
import static org.ward.rules.labels.LabelsCatalogue.PATIENT_FILE_WITHOUT_SENSITIVITY_LABEL;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;

/** PATIENT_FILE_WITHOUT_SENSITIVITY_LABEL, over the named fixture {@link LabelledSurroundings}. */
class PatientFileWithoutSensitivityLabelCheckTests {

    private static CheckOutcome run(PatientFileFacts facts) {
        return new PatientFileWithoutSensitivityLabelCheck().evaluate(facts, rule(PATIENT_FILE_WITHOUT_SENSITIVITY_LABEL), CONTEXT);
    }

    @Test
    void passesConsentFormCarryingTheRequiredLabel() {
        assertThat(run(LabelledSurroundings.labelled()).findings()).isEmpty();
    }

    @Test
    void passesConsentFormCarryingAHigherLabel() {
        assertThat(run(LabelledSurroundings.consentFormLabelled("label-5", "Highly Confidential")).findings()).isEmpty();
    }

    @Test
    void flagsConsentFormWithoutALabelAndNamesTheLabelToApply() {
        FindingDraft finding = run(LabelledSurroundings.consentFormLabelled(null, null)).findings().get(0);

        assertThat(finding.title()).isEqualTo("A file naming a patient beside consultation video recordings has no"
                + " sensitivity label.");
        assertThat(finding.details()).containsEntry("requiredLabel", "Confidential\\Patient Data").containsEntry("actualLabel", "");
        assertThat(finding.resource().itemId()).isEqualTo("form-1");
    }

    @Test
    void flagsConsentFormWithALabelBelowThePacksMinimum() {
        FindingDraft finding = run(LabelledSurroundings.consentFormLabelled("label-2", "General")).findings().get(0);

        assertThat(finding.title()).isEqualTo("A file naming a patient beside consultation video recordings carries the"
                + " sensitivity label \"General\", below the required \"Confidential\\Patient Data\".");
        assertThat(finding.details()).containsEntry("actualLabelId", "label-2");
    }

    @Test
    void flagsLabelThePackDoesNotListRatherThanGuessing() {
        assertThat(run(LabelledSurroundings.consentFormLabelled("label-x", null)).findings()).singleElement()
                .satisfies(f -> assertThat(f.title()).contains("a sensitivity label the pack does not list"));
    }

    @Test
    void takesTheHighestLabelTheKindsBesideItNeed() {
        PatientFileFacts facts = new PatientFileFacts(LabelledSurroundings.consentForm(), LabelledSurroundings.site(), null,
                Set.of("cctv", "consultation-video"), null, "label-3", "Confidential");
        assertThat(run(facts).findings()).singleElement()
                .satisfies(f -> assertThat(f.details()).containsEntry("requiredLabel", "Confidential\\Patient Data"));
    }

    @Test
    void isNotEvaluatedWhenWardCouldNotReadTheLabel() {
        PatientFileFacts facts = new PatientFileFacts(LabelledSurroundings.consentForm(), LabelledSurroundings.site(), null,
                Set.of("consultation-video"), "Ward has not read the file's sensitivity label.", null, null);
        CheckOutcome outcome = run(facts);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.notEvaluated()).isEqualTo("Ward has not read the file's sensitivity label.");
    }
}
