package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.classify.LabelVerdict.Status;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.policy.TestPolicies;

class LabelRequirementsTests {

    private final LabelRequirements labels = new LabelRequirements(TestPolicies.nhsEngland().labels());

    @Test
    void namesTheRetentionLabelAKindNeeds() {
        assertThat(labels.retentionLabelFor("call-recording")).contains("Call Recording - 7 Years");
    }

    @Test
    void recordingWithoutRetentionLabelIsMissingIt() {
        LabelVerdict verdict = labels.retentionLabel("consultation-video", null);

        assertThat(verdict.status()).isEqualTo(Status.MISSING);
        assertThat(verdict.reason()).isEqualTo("no retention label; consultation-video recordings need \"Clinical Recording - 8 Years\"");
    }

    @Test
    void recordingWithAnotherRetentionLabelHasTheWrongOne() {
        assertThat(labels.retentionLabel("consultation-video", "General - 1 Year").status()).isEqualTo(Status.DIFFERENT);
    }

    @Test
    void retentionLabelMatchesIgnoringCase() {
        assertThat(labels.retentionLabel("consultation-video", "clinical recording - 8 years").status()).isEqualTo(Status.MEETS);
    }

    @Test
    void containerLabelThatGraphDoesNotExposeIsNotEvaluated() {
        LabelVerdict verdict = labels.containerSensitivity(List.of("consultation-video"), ContainerLabel.notExposed());

        assertThat(verdict.status()).isEqualTo(Status.NOT_EVALUATED);
        assertThat(verdict.reason()).isEqualTo("not evaluated: Graph does not expose this container's sensitivity label"
                + " (only group-connected sites show one); required \"Confidential\\Patient Data\"");
    }

    @Test
    void containerWithoutLabelIsMissingIt() {
        assertThat(labels.containerSensitivity(List.of("consultation-video"), ContainerLabel.none()).status())
                .isEqualTo(Status.MISSING);
    }

    @Test
    void containerLabelLowerThanRequiredIsReported() {
        LabelVerdict verdict = labels.containerSensitivity(List.of("consultation-video"),
                ContainerLabel.of("6f1c-confidential", "Confidential"));

        assertThat(verdict.status()).isEqualTo(Status.LOWER_THAN_REQUIRED);
        assertThat(verdict.reason()).isEqualTo(
                "sensitivity label \"Confidential\" is lower than the required \"Confidential\\Patient Data\"");
    }

    @Test
    void containerLabelHigherThanRequiredMeetsIt() {
        assertThat(labels.containerSensitivity(List.of("consultation-video"),
                ContainerLabel.of("a1b2-hc", "Highly Confidential")).status()).isEqualTo(Status.MEETS);
    }

    @Test
    void containerHoldingSeveralKindsNeedsTheHighestMinimum() {
        LabelVerdict verdict = labels.containerSensitivity(List.of("cctv", "clinical-photo"),
                ContainerLabel.of("6f1c-confidential", "Confidential"));

        assertThat(verdict.required()).isEqualTo("Confidential\\Patient Data");
        assertThat(verdict.status()).isEqualTo(Status.LOWER_THAN_REQUIRED);
    }

    @Test
    void labelTheOrderDoesNotListCannotBeCompared() {
        assertThat(labels.containerSensitivity(List.of("cctv"), ContainerLabel.of("x", "Secret Squirrel")).status())
                .isEqualTo(Status.UNKNOWN_LABEL);
    }
}
