package org.ward.rules.copies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.facts.StoredRow;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.policy.BuiltInPacks;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyLoader;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Severity;

class TemporaryCopiesTests {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final PolicyPack POLICY = new PolicyLoader(BuiltInPacks.directory(Path.of("../policies")))
            .loadFile(Path.of("src/test/resources/policy/clinic-policy.yaml"));

    static OneDriveRecording meetingRecording(Duration age, List<OneDriveRecording.ApprovedCopy> copies) {
        ItemRecord item = new ItemRecord("od-1", "rec-7", "folder-r", "Clinic huddle-20261101_090000-Meeting Recording.mp4",
                "/Recordings/Clinic huddle-20261101_090000-Meeting Recording.mp4", false, "video/mp4", 50_000_000,
                NOW.minus(age), NOW.minus(age), null, null, "hash-7", null, new MediaFacets(false, true, false, false, null),
                null, null, Map.of());
        Location oneDrive = new Location("od-site", LocationKind.ONEDRIVE, "OneDrive of Ada Lovelace",
                "https://smallclinic-my.sharepoint.com/personal/ada", null, null, null, "ada.lovelace@smallclinic.nhs.uk",
                List.of("ada.lovelace@smallclinic.nhs.uk"), ContainerLabel.notExposed(), NOW.minus(Duration.ofDays(500)));
        StoredRow row = new StoredRow(item, true, "teams-meeting-recording", 80, List.of(), List.of());
        return new OneDriveRecording(row, oneDrive, FindingResource.ofItem(oneDrive.siteId(), oneDrive.webUrl(),
                oneDrive.webUrl() + "/Documents", item), copies);
    }

    private static List<FindingDraft> findings(OneDriveRecording copy) {
        return new CopyAssessment(POLICY, NOW).assess(copy);
    }

    @Test
    void meetingRecordingPastTheGracePeriodIsMedium() {
        FindingDraft finding = findings(meetingRecording(Duration.ofDays(20), List.of())).get(0);
        assertThat(finding.type()).isEqualTo(FindingType.TEMPORARY_COPY_IN_ONEDRIVE);
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
    void copyWhoseContentIsInTheApprovedSiteNamesBothPlaces() {
        FindingDraft leftBehind = findings(meetingRecording(Duration.ofDays(20), List.of(new OneDriveRecording.ApprovedCopy(
                "Clinical Recordings", "https://smallclinic.sharepoint.com/sites/ClinicalRecordings",
                "/Consultations/Consultation 999 *** **18.mp4", NOW.minus(Duration.ofDays(15)))))).stream()
                .filter(f -> f.type() == FindingType.COPY_LEFT_AFTER_UPLOAD).findFirst().orElseThrow();
        assertThat(leftBehind.reasons()).contains(
                "This copy: the OneDrive of ada.lovelace@smallclinic.nhs.uk, /Recordings/Clinic huddle-20261101_090000-Meeting Recording.mp4.",
                "The same content is in the approved Clinical Recordings (https://smallclinic.sharepoint.com/sites/ClinicalRecordings),"
                        + " /Consultations/Consultation 999 *** **18.mp4, since 2026-11-05.");
    }

    @Test
    void copyWithoutApprovedTwinIsOnlyATemporaryCopy() {
        assertThat(findings(meetingRecording(Duration.ofDays(20), List.of()))).extracting(FindingDraft::type)
                .containsExactly(FindingType.TEMPORARY_COPY_IN_ONEDRIVE);
    }
}
