package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.ward.rules.classify.TestItems.video;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ward.rules.facts.ClassificationEvidence;
import org.ward.rules.facts.ClassificationEvidence.Contribution;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.policy.TestPolicies;

/** The classifier's verdict as structured evidence: each signal, where it matched, its weight, the score and threshold. */
class ClassificationEvidenceTests {

    private final RecordingClassifier classifier = new RecordingClassifier(TestPolicies.nhsEngland(), TestKeys.FINGERPRINT);

    @Test
    void evidenceNamesEachSignalWhereItMatchedAndItsWeight() {
        ClassificationEvidence evidence = classifier.classify(video("/Consultations/2026/NHS 401 023 2137.mp4"),
                TestLocations.approved("/sites/Clinical", "Clinical", "consultation-video")).evidence();

        assertThat(evidence.recording()).isTrue();
        assertThat(evidence.kind()).isEqualTo("consultation-video");
        assertThat(evidence.score()).isEqualTo(100);
        assertThat(evidence.threshold()).isEqualTo(60);
        assertThat(evidence.signals()).extracting(Contribution::signal, Contribution::matched, Contribution::where,
                Contribution::weight).containsExactly(
                        tuple("mime-type", "video/*", null, 25),
                        tuple("extension", "mp4", null, 10),
                        tuple("facet", "video", null, 10),
                        tuple("context-keyword", "Consultations", "folder path", 30),
                        tuple("approved-location", "consultation-video", "location", 30),
                        tuple("patient-identifier", "NHS number", "file name", 30));
        assertThat(evidence.identifiers()).singleElement().satisfies(id -> {
            assertThat(id.type()).isEqualTo("NHS number");
            assertThat(id.masked()).isEqualTo("401 *** **37");
            assertThat(id.where()).isEqualTo("file name");
            assertThat(id.strength()).isEqualTo("backed by context");
        });
    }

    @Test
    void evidenceSurvivesARoundTripThroughPlainMaps() {
        ClassificationEvidence evidence = classifier.classify(video("/Consultations/Webinar 401 023 2137.mp4"),
                TestLocations.oneDrive()).evidence();

        assertThat(ClassificationEvidence.fromMap(evidence.toMap())).isEqualTo(evidence);
    }

    @Test
    void negativeKeywordsArgueAgainstAndAreShownInTheReasons() {
        RecordingClassification result = classifier.classify(video("/Clinic/Wound care webinar.mp4"),
                TestLocations.site("/sites/Education", "Education"));

        assertThat(result.isRecording()).isFalse();
        assertThat(result.score()).isEqualTo(35);
        assertThat(result.evidence().against()).extracting(Contribution::signal, Contribution::matched, Contribution::weight)
                .containsExactly(tuple("negative-keyword", "Webinar", -40));
        assertThat(result.reasons()).contains("-40 negative keyword \"Webinar\" in the file name \"Wound care webinar.mp4\":"
                + " staff, training or publicity media rather than a patient's");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Consultation - staff training.mp4", "Clinic marketing 2026.mp4", "All-hands clinic update.mp4",
        "Telehealth promo.mp4"})
    void oneGenericClinicalWordDoesNotMakeTrainingOrMarketingMediaARecording(String name) {
        assertThat(classifier.classify(video("/Videos/" + name), TestLocations.oneDrive()).isRecording()).isFalse();
    }

    @Test
    void clinicalMediaWithTwoPiecesOfContextStaysARecordingDespiteANegativeWord() {
        RecordingClassification result = classifier.classify(video("/Consultations/Consultation for induction review.mp4"),
                TestLocations.approved("/sites/Clinical", "Clinical", "consultation-video"));

        assertThat(result.isRecording()).isTrue();
        assertThat(result.evidence().against()).extracting(Contribution::matched).containsExactly("Induction");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wav", "m4a", "mp3", "aac", "ogg", "flac", "wma", "amr", "opus"})
    void audioOfEveryCommonFormatInAClinicalSiteIsJudgedByThatContext(String extension) {
        // SharePoint gives no audio facet, and a generic MIME type for formats it does not know (amr, opus, flac).
        RecordingClassification result = classifier.classify(TestItems.file("/Shared Documents/Patient " + extension + " 0934."
                + extension, "application/octet-stream", MediaFacets.NONE), TestLocations.site("/sites/MemoryClinic",
                "Memory Clinic"));

        assertThat(result.isRecording()).as(result.reasons().toString()).isTrue();
        assertThat(result.kind()).isEqualTo("consultation-audio");
        assertThat(result.evidence().signals()).extracting(Contribution::where).contains("site name");
    }

    @Test
    void aPhotoInAClinicalTeamIsJudgedByThatContext() {
        RecordingClassification result = classifier.classify(TestItems.photo("/Shared Documents/IMG_4471.jpg", "image/jpeg"),
                TestLocations.teamSite("/sites/WoundCareTeam", "Wound Care Team"));

        assertThat(result.kind()).isEqualTo("clinical-photo");
        assertThat(result.isRecording()).isTrue();
    }

    @Test
    void aNumberFailingItsCheckDigitIsNeitherCitedNorNeededWhenTheContextIsClinical() {
        // 401 023 2138 fails the NHS check digit (Presidio's invalid vector): the clinic's site still makes it a recording.
        RecordingClassification result = classifier.classify(video("/Shared Documents/Follow-up 401 023 2138.mp4"),
                TestLocations.teamSite("/sites/PhysioVideoClinic", "Physio Video Clinic"));

        assertThat(result.isRecording()).isTrue();
        assertThat(result.identifiers()).isEmpty();
        assertThat(result.evidence().identifiers()).isEmpty();
        assertThat(result.evidence().signals()).extracting(Contribution::signal).doesNotContain("patient-identifier");
        assertThat(String.join("\n", result.reasons())).doesNotContain("NHS number").doesNotContain("identifier")
                .doesNotContain("401 023 2138");
    }

    @Test
    void aDocumentHasNoKindButKeepsItsIdentifiers() {
        ClassificationEvidence evidence = classifier.classify(TestItems.document("/Consultations/Referral 401 023 2137.docx"),
                TestLocations.oneDrive()).evidence();

        assertThat(evidence.kind()).isNull();
        assertThat(evidence.recording()).isFalse();
        assertThat(evidence.identifiers()).extracting(i -> i.masked()).containsExactly("401 *** **37");
        assertThat(evidence.summary()).startsWith("not audio, video or an image");
    }

    @Test
    void theSummaryIsOneReadableLine() {
        String summary = classifier.classify(video("/Consultations/2026/Jones.mp4"), TestLocations.oneDrive()).evidence()
                .summary();

        assertThat(summary).isEqualTo("Patient recording (Video consultation recording): score 75 of 60 needed;"
                + " +25 MIME type video/mp4 matches video/*; +10 extension .mp4; +10 Graph video facet;"
                + " +30 keyword \"Consultations\" in the folder path \"/Consultations/2026\"");
        assertThat(summary).doesNotContain("{").doesNotContain("=[");
    }

    @Test
    void aColumnSignalSaysWhichColumn() {
        ClassificationEvidence evidence = classifier.classify(TestItems.file("/Videos/a.mp4", "video/mp4", TestItems.VIDEO,
                Map.of("RecordingType", "Consultation")), TestLocations.oneDrive()).evidence();

        assertThat(evidence.signals()).extracting(Contribution::signal, Contribution::where)
                .contains(tuple("column", "column RecordingType"));
    }
}
