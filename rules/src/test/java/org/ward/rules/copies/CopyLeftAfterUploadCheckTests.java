package org.ward.rules.copies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.copies.CopiesCatalogue.COPY_LEFT_AFTER_UPLOAD;
import static org.ward.rules.copies.ParkedRecording.NOW;
import static org.ward.rules.copies.ParkedRecording.findings;
import static org.ward.rules.copies.ParkedRecording.meetingRecording;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

/** COPY_LEFT_AFTER_UPLOAD, judged with every copy check the pack enables over {@link ParkedRecording}. */
class CopyLeftAfterUploadCheckTests {

    @Test
    void copyWhoseContentIsInTheApprovedSiteNamesBothPlaces() {
        FindingDraft leftBehind = findings(meetingRecording(Duration.ofDays(20), List.of(new OneDriveRecording.ApprovedCopy(
                "Clinical Recordings", "https://smallclinic.sharepoint.com/sites/ClinicalRecordings",
                "/Consultations/Consultation 999 *** **18.mp4", NOW.minus(Duration.ofDays(15)))))).stream()
                .filter(f -> f.type() == COPY_LEFT_AFTER_UPLOAD).findFirst().orElseThrow();
        assertThat(leftBehind.reasons()).contains(
                "This copy: the OneDrive of ada.lovelace@smallclinic.nhs.uk, /Recordings/Clinic huddle-20261101_090000-Meeting Recording.mp4.",
                "The same content is in the approved Clinical Recordings (https://smallclinic.sharepoint.com/sites/ClinicalRecordings),"
                        + " /Consultations/Consultation 999 *** **18.mp4, since 2026-11-05.");
    }
}
