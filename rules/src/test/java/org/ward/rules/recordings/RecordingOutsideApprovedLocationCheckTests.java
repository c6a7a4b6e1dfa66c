package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.recordings.CompliantRecording.CONTEXT;
import static org.ward.rules.recordings.CompliantRecording.rule;
import static org.ward.rules.recordings.RecordingsCatalogue.RECORDING_OUTSIDE_APPROVED_LOCATION;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

/** RECORDING_OUTSIDE_APPROVED_LOCATION, over the named fixture {@link CompliantRecording}. */
class RecordingOutsideApprovedLocationCheckTests {

    private static CheckOutcome run(RecordingFacts facts) {
        return new RecordingOutsideApprovedLocationCheck().evaluate(facts, rule(RECORDING_OUTSIDE_APPROVED_LOCATION), CONTEXT);
    }

    @Test
    void flagsRecordingInUnregisteredSite() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(),
                CompliantRecording.site("https://smallclinic.sharepoint.com/sites/PhysioVideoClinic", LocationKind.GROUP_SITE,
                        ContainerLabel.none()), List.of(CompliantRecording.consentForm()));
        FindingDraft finding = run(facts).findings().get(0);
        assertThat(finding.type()).isEqualTo(RECORDING_OUTSIDE_APPROVED_LOCATION);
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.reasons()).contains("It is in https://smallclinic.sharepoint.com/sites/PhysioVideoClinic: the site"
                + " is not in the policy's registry of approved locations.");
        assertThat(finding.resource().itemId()).isEqualTo("rec-1");
    }

    @Test
    void leavesRecordingsInOneDriveToTheTemporaryCopyCheck() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(),
                CompliantRecording.site("https://smallclinic-my.sharepoint.com/personal/ada", LocationKind.ONEDRIVE,
                        ContainerLabel.notExposed()), List.of());
        assertThat(run(facts)).isEqualTo(CheckOutcome.PASS);
    }
}
