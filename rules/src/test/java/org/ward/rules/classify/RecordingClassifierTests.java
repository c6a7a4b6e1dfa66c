package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.classify.TestItems.audio;
import static org.ward.rules.classify.TestItems.document;
import static org.ward.rules.classify.TestItems.photo;
import static org.ward.rules.classify.TestItems.video;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.policy.IdentifierType;
import org.ward.rules.policy.TestPolicies;

class RecordingClassifierTests {

    private final RecordingClassifier classifier = new RecordingClassifier(TestPolicies.nhsEngland(), TestKeys.FINGERPRINT);

    @Test
    void classifiesTeamsMeetingRecordingInOneDriveRecordingsFolder() {
        RecordingClassification result = classifier.classify(
                video("/Recordings/Weekly sync-20260105_103000-Meeting Recording.mp4"), TestLocations.oneDrive());

        assertThat(result.isRecording()).isTrue();
        assertThat(result.kind()).isEqualTo("teams-meeting-recording");
        assertThat(result.score()).isEqualTo(100);
        assertThat(result.reasons()).containsExactly(
                "+20 MIME type video/mp4 matches video/*",
                "+10 extension .mp4",
                "+10 Graph video facet",
                "+30 in the OneDrive's top-level Recordings folder, where Teams saves meeting recordings",
                "+30 file name matches \"*-Meeting Recording.mp4\"",
                "= 100: reaches the threshold 60 for teams-meeting-recording (Teams meeting recording)");
    }

    @Test
    void classifiesChannelMeetingRecordingInChannelRecordingsFolder() {
        RecordingClassification result = classifier.classify(
                video("/General/Recordings/Huddle-20260105_090000-Meeting Recording.mp4"),
                TestLocations.teamSite("/sites/PracticeTeam", "Practice Team"));

        assertThat(result.kind()).isEqualTo("teams-meeting-recording");
        assertThat(result.reasons()).contains("+30 in /General/Recordings, a channel folder's Recordings subfolder,"
                + " where Teams saves channel meeting recordings");
    }

    @Test
    void classifiesTeamsMeetingRecordingByItsNameOutsideTheRecordingsFolder() {
        RecordingClassification result = classifier.classify(
                video("/Documents/Standup-20260105_080000-Meeting Recording.mp4"), TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("teams-meeting-recording");
        assertThat(result.score()).isEqualTo(70);
    }

    @Test
    void videoWithoutMediaFacetIsKnownByMimeTypeAndExtension() {
        RecordingClassification result = classifier.classify(
                TestItems.file("/Consultations/Jones.mp4", "video/mp4", MediaFacets.NONE), TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("consultation-video");
        assertThat(result.score()).isEqualTo(65);
    }

    @Test
    void genericMimeTypeIsReadFromTheExtensionAndSaysSo() {
        RecordingClassification result = classifier.classify(
                TestItems.file("/Consultations/Jones.mp4", "application/octet-stream", MediaFacets.NONE),
                TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("consultation-video");
        assertThat(result.score()).isEqualTo(65);
        assertThat(result.reasons()).contains("+25 MIME type video/mp4 from the extension .mp4 (Graph gave"
                + " application/octet-stream) matches video/*");
    }

    @Test
    void fileWithUnknownExtensionAndGenericMimeTypeIsNoMedia() {
        RecordingClassification result = classifier.classify(
                TestItems.file("/Consultations/Jones.xyz", "application/octet-stream", MediaFacets.NONE),
                TestLocations.oneDrive());

        assertThat(result.isRecording()).isFalse();
        assertThat(result.score()).isZero();
    }

    @Test
    void recordingsFolderBelowTopLevelOfOneDriveIsNotTheTeamsFolder() {
        RecordingClassification result = classifier.classify(video("/Archive/Recordings/clip.mp4"), TestLocations.oneDrive());

        assertThat(result.isRecording()).isFalse();
    }

    @Test
    void classifiesVideoInConsultationsFolderAsConsultationVideo() {
        RecordingClassification result = classifier.classify(video("/Consultations/2026/Jones follow-up.mp4"),
                TestLocations.site("/sites/PracticeFiles", "Practice Files"));

        assertThat(result.kind()).isEqualTo("consultation-video");
        assertThat(result.score()).isEqualTo(75);
        assertThat(result.reasons()).containsExactly(
                "+25 MIME type video/mp4 matches video/*",
                "+10 extension .mp4",
                "+10 Graph video facet",
                "+30 keyword \"Consultations\" in the folder path \"/Consultations/2026\"",
                "= 75: reaches the threshold 60 for consultation-video (Video consultation recording)");
    }

    @Test
    void videoWithoutClinicalContextIsNotARecording() {
        RecordingClassification result = classifier.classify(video("/Videos/holiday.mp4"), TestLocations.oneDrive());

        assertThat(result.isRecording()).isFalse();
        assertThat(result.kind()).isNull();
        assertThat(result.score()).isEqualTo(45);
        assertThat(result.reasons()).last().isEqualTo(
                "= 45: below the threshold 60 for consultation-video (Video consultation recording), so not a recording");
    }

    @Test
    void ordinaryDocumentWithNhsNumberIsNotARecording() {
        RecordingClassification result = classifier.classify(document("/Consultations/Referral 401 023 2137.docx"),
                TestLocations.site("/sites/PracticeFiles", "Practice Files"));

        assertThat(result.isRecording()).isFalse();
        assertThat(result.score()).isZero();
        assertThat(result.reasons()).containsExactly("not audio, video or an image: MIME type"
                + " application/vnd.openxmlformats-officedocument.wordprocessingml.document, extension .docx and no media"
                + " facet match no recording kind's media signals");
    }

    @Test
    void ordinaryDocumentStillReportsItsIdentifiersMasked() {
        RecordingClassification result = classifier.classify(document("/Consultations/Referral 401 023 2137.docx"),
                TestLocations.site("/sites/PracticeFiles", "Practice Files"));

        assertThat(result.identifiers()).extracting(IdentifierMatch::type, IdentifierMatch::masked, IdentifierMatch::foundIn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IdentifierType.NHS_NUMBER, "401 *** **37", "file name"));
    }

    @Test
    void folderIsNeverARecording() {
        RecordingClassification result = classifier.classify(TestItems.folder("/Recordings"), TestLocations.oneDrive());

        assertThat(result.isRecording()).isFalse();
        assertThat(result.reasons()).containsExactly("a folder is never a recording");
    }

    @Test
    void videoWithNhsNumberAndKeywordIsAConsultationVideo() {
        RecordingClassification result = classifier.classify(video("/Documents/NHS 401 023 2137 video.mp4"),
                TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("consultation-video");
        assertThat(result.score()).isEqualTo(75);
        assertThat(result.reasons()).contains(
                "+30 NHS number 401 *** **37 in the file name, backed by keyword \"NHS\" in the file name");
    }

    @Test
    void bareChecksumPassingNumberIsOnlyWeakEvidence() {
        RecordingClassification result = classifier.classify(video("/Documents/4010232137.mp4"), TestLocations.oneDrive());

        assertThat(result.isRecording()).isFalse();
        assertThat(result.score()).isEqualTo(55);
        assertThat(result.reasons()).contains("+10 NHS number 401 *** **37 in the file name without context: about 1 in 11"
                + " random 10-digit numbers pass the check digit, so alone it is weak evidence");
    }

    @Test
    void identifierInClinicalFolderIsBackedByTheFolder() {
        RecordingClassification result = classifier.classify(video("/Consultations/4010232137.mp4"), TestLocations.oneDrive());

        assertThat(result.identifiers()).extracting(IdentifierMatch::context).containsExactly(
                "clinical context: keyword \"Consultations\" in the folder path \"/Consultations\"");
        assertThat(result.score()).isEqualTo(100);
    }

    @Test
    void reasonsNeverContainAnIdentifierInClear() {
        RecordingClassification result = classifier.classify(video("/Consultations/401 023 2137/4010232137 consult.mp4"),
                TestLocations.oneDrive());

        assertThat(String.join("\n", result.reasons())).doesNotContain("4010232137").doesNotContain("401 023 2137");
    }

    @Test
    void sameIdentifierInNameAndPathIsReportedOnce() {
        RecordingClassification result = classifier.classify(video("/Consultations/401 023 2137/4010232137 consult.mp4"),
                TestLocations.oneDrive());

        assertThat(result.identifiers()).hasSize(1);
    }

    @Test
    void numberInsideLongerDigitRunIsNotAnIdentifier() {
        RecordingClassification result = classifier.classify(video("/Consultations/14010232137.mp4"), TestLocations.oneDrive());

        assertThat(result.identifiers()).isEmpty();
    }

    @Test
    void testRangeNhsNumberIsFoundAndMarkedAsTestRange() {
        RecordingClassification result = classifier.classify(video("/Consultations/999 000 0018.mp4"), TestLocations.oneDrive());

        assertThat(result.identifiers()).extracting(IdentifierMatch::masked, IdentifierMatch::testRange)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("999 *** **18", true));
    }

    @Test
    void classifiesPhotoInClinicalPhotographyFolderAsClinicalPhoto() {
        RecordingClassification result = classifier.classify(photo("/Clinical Photography/IMG_0042.jpg", "image/jpeg"),
                TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("clinical-photo");
        assertThat(result.score()).isEqualTo(70);
    }

    @Test
    void holidayPhotoIsNotAClinicalPhoto() {
        RecordingClassification result = classifier.classify(photo("/Pictures/IMG_0042.jpg", "image/jpeg"),
                TestLocations.oneDrive());

        assertThat(result.isRecording()).isFalse();
        assertThat(result.score()).isEqualTo(40);
    }

    @Test
    void photoNamedWithNhsNumberAndKeywordIsAClinicalPhoto() {
        RecordingClassification result = classifier.classify(photo("/Pictures/NHS 4010232137.heic", "image/heic"),
                TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("clinical-photo");
        assertThat(result.score()).isEqualTo(70);
    }

    @Test
    void dicomFileIsAClinicalImageByItsFileType() {
        RecordingClassification result = classifier.classify(
                TestItems.file("/Imaging/scan.dcm", "application/dicom", MediaFacets.NONE), TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("clinical-photo");
        assertThat(result.score()).isEqualTo(60);
    }

    @Test
    void videoInLocationApprovedForConsultationsIsAConsultationVideo() {
        RecordingClassification result = classifier.classify(video("/General/clip.mp4"),
                TestLocations.approved("/sites/ClinicalRecordings", "Clinical Recordings", "consultation-video"));

        assertThat(result.kind()).isEqualTo("consultation-video");
        assertThat(result.reasons()).contains("+30 the location is approved for consultation-video");
    }

    @Test
    void classifiesCctvFootage() {
        RecordingClassification result = classifier.classify(video("/CCTV/Waiting room 2026-01-05.mp4"),
                TestLocations.site("/sites/Facilities", "Facilities"));

        assertThat(result.kind()).isEqualTo("cctv");
        assertThat(result.score()).isEqualTo(85);
    }

    @Test
    void classifiesCallRecording() {
        RecordingClassification result = classifier.classify(audio("/Call Recordings/2026-01-05 0930 inbound.wav", "audio/wav"),
                TestLocations.site("/sites/Reception", "Reception"));

        assertThat(result.kind()).isEqualTo("call-recording");
        assertThat(result.score()).isEqualTo(65);
    }

    @Test
    void classifiesDictationAsConsultationAudio() {
        RecordingClassification result = classifier.classify(audio("/Dictations/letter to GP.m4a", "audio/mp4"),
                TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("consultation-audio");
    }

    @Test
    void classifiesResearchInterview() {
        RecordingClassification result = classifier.classify(audio("/Participant 07/session 2.m4a", "audio/mp4"),
                TestLocations.site("/sites/ResearchInterviews", "Research Interviews"));

        assertThat(result.kind()).isEqualTo("research-interview");
        assertThat(result.reasons()).contains("+30 keyword \"Participant\" in the folder path \"/Participant 07\"");
    }

    @Test
    void classifiesStudentAssessmentRecording() {
        RecordingClassification result = classifier.classify(video("/OSCE 2026/station 4.mov"),
                TestLocations.site("/sites/StudentAssessments", "Student Assessments"));

        assertThat(result.kind()).isEqualTo("student-assessment");
    }

    @Test
    void metadataColumnCountsAsEvidence() {
        RecordingClassification result = classifier.classify(
                TestItems.withColumns(video("/Media/clip.mp4"), Map.of("RecordingType", "Consultation")),
                TestLocations.oneDrive());

        assertThat(result.kind()).isEqualTo("consultation-video");
        assertThat(result.reasons()).contains("+30 column RecordingType = Consultation");
    }

    @Test
    void findsNhsNumberInAMetadataColumnBackedByTheColumnName() {
        RecordingClassification result = classifier.classify(
                TestItems.withColumns(video("/Media/clip.mp4"), Map.of("NHSNumber", "4010232137")), TestLocations.oneDrive());

        assertThat(result.identifiers()).extracting(IdentifierMatch::foundIn, IdentifierMatch::context)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("column NHSNumber",
                        "keyword \"NHS\" in the column NHSNumber"));
    }

    @Test
    void findsChiNumberForScottishPatients() {
        RecordingClassification result = classifier.classify(video("/Consultations/CHI 0101011237.mp4"), TestLocations.oneDrive());

        assertThat(result.identifiers()).extracting(IdentifierMatch::type, IdentifierMatch::masked)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(IdentifierType.CHI_NUMBER, "****** **37"));
    }

    @Test
    void doesNotLookForMedicareNumbersWhenThePackDisablesThem() {
        RecordingClassification result = classifier.classify(video("/Consultations/Medicare 2123 45670 1.mp4"),
                TestLocations.oneDrive());

        assertThat(result.identifiers()).isEmpty();
    }
}
