package org.ward.rules.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.copies.CopiesCatalogue.TEMPORARY_COPY_IN_ONEDRIVE;
import static org.ward.rules.copies.ParkedRecording.findings;
import static org.ward.rules.copies.ParkedRecording.meetingRecording;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

/** TEMPORARY_COPY_IN_ONEDRIVE, judged with every copy check the pack enables over {@link ParkedRecording}. */
class TemporaryCopyInOneDriveCheckTests {

    @Test
    void meetingRecordingPastTheGracePeriodIsMedium() {
        FindingDraft finding = findings(meetingRecording(Duration.ofDays(20), List.of())).get(0);
        assertThat(finding.type()).isEqualTo(TEMPORARY_COPY_IN_ONEDRIVE);
        assertThat(finding.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(finding.title()).isEqualTo("A teams meeting recording has been in a OneDrive for 20 days, past the grace period.");
        assertThat(finding.owner()).isEqualTo("ada.lovelace@smallclinic.nhs.uk");
    }

    @Test
    void recordingWithinTheGracePeriodIsLow() {
        FindingDraft finding = findings(meetingRecording(Duration.ofDays(2), List.of())).get(0);
        assertThat(finding.severity()).isEqualTo(Severity.LOW);
        assertThat(finding.details()).containsEntry("pastGrace", false);
    }

    @Test
    void copyWithoutApprovedTwinIsOnlyATemporaryCopy() {
        assertThat(findings(meetingRecording(Duration.ofDays(20), List.of()))).extracting(FindingDraft::type)
                .containsExactly(TEMPORARY_COPY_IN_ONEDRIVE);
    }
}
