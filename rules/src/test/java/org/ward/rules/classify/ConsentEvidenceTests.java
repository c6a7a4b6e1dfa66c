package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.classify.TestItems.document;
import static org.ward.rules.classify.TestItems.video;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.classify.ConsentVerdict.Status;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.TestPolicies;

class ConsentEvidenceTests {

    private final PolicyPack pack = TestPolicies.nhsEngland();
    private final RecordingClassifier classifier = new RecordingClassifier(pack, TestKeys.FINGERPRINT);
    private final ConsentEvidence consent = new ConsentEvidence(pack, TestKeys.FINGERPRINT);

    private ConsentVerdict evaluate(ItemRecord recording, ItemRecord... folder) {
        return consent.evaluate(recording, classifier.classify(recording, TestLocations.oneDrive()), List.of(folder));
    }

    @Test
    void consentFormNamingTheSameNhsNumberIsEvidence() {
        ItemRecord recording = video("/Consultations/401 023 2137 follow-up.mp4");

        ConsentVerdict verdict = evaluate(recording, recording, document("/Consultations/Consent 4010232137.pdf"));

        assertThat(verdict.status()).isEqualTo(Status.PRESENT);
        assertThat(verdict.evidence()).containsExactly(
                "consent form \"Consent 401 *** **37.pdf\" in the same folder names the same patient identifier");
    }

    @Test
    void consentFormContainingTheRecordingNameIsEvidence() {
        ItemRecord recording = video("/Consultations/Jones follow-up.mp4");

        ConsentVerdict verdict = evaluate(recording, document("/Consultations/Jones follow-up - consent.docx"));

        assertThat(verdict.evidence()).containsExactly(
                "consent form \"Jones follow-up - consent.docx\" in the same folder contains the recording's name");
    }

    @Test
    void consentRecordedColumnIsEvidence() {
        ItemRecord recording = TestItems.withColumns(video("/Consultations/Jones.mp4"), Map.of("ConsentRecorded", "Yes"));

        assertThat(evaluate(recording).evidence()).containsExactly("column ConsentRecorded = Yes");
    }

    @Test
    void consentReferenceColumnWithAnyValueIsEvidence() {
        ItemRecord recording = TestItems.withColumns(video("/Consultations/Jones.mp4"), Map.of("ConsentReference", "CF-2026-014"));

        assertThat(evaluate(recording).status()).isEqualTo(Status.PRESENT);
    }

    @Test
    void consentRecordedColumnSayingNoIsNotEvidence() {
        ItemRecord recording = TestItems.withColumns(video("/Consultations/Jones.mp4"), Map.of("ConsentRecorded", "No"));

        assertThat(evaluate(recording).status()).isEqualTo(Status.MISSING);
    }

    @Test
    void missingWhenTheFolderHasNoConsentForm() {
        ConsentVerdict verdict = evaluate(video("/Consultations/Jones.mp4"), document("/Consultations/Letter.docx"));

        assertThat(verdict.status()).isEqualTo(Status.MISSING);
        assertThat(verdict.reason()).isEqualTo("no consent evidence: no file in the folder matches *consent* (pdf, docx,"
                + " doc), and no consent column is set (ConsentRecorded = yes/true/y/1, ConsentReference)");
    }

    @Test
    void consentFormForAnotherPatientIsNotEvidence() {
        ConsentVerdict verdict = evaluate(video("/Consultations/401 023 2137 follow-up.mp4"),
                document("/Consultations/Consent 9434765870.pdf"));

        assertThat(verdict.status()).isEqualTo(Status.MISSING);
        assertThat(verdict.reason()).isEqualTo("no consent evidence: 1 consent form in the folder (\"Consent 943 *** **70.pdf\")"
                + " but none names the recording's patient identifier or contains its name, and no consent column is set"
                + " (ConsentRecorded = yes/true/y/1, ConsentReference)");
    }

    @Test
    void consentFormOfAnotherFileTypeDoesNotCount() {
        ConsentVerdict verdict = evaluate(video("/Consultations/Jones.mp4"),
                TestItems.file("/Consultations/Jones consent.txt", "text/plain", org.ward.rules.facts.MediaFacets.NONE));

        assertThat(verdict.status()).isEqualTo(Status.MISSING);
    }

    @Test
    void consentIsNotRequiredForCctv() {
        ConsentVerdict verdict = consent.evaluate(video("/CCTV/Waiting room.mp4"),
                classifier.classify(video("/CCTV/Waiting room.mp4"), TestLocations.site("/sites/Facilities", "Facilities")),
                List.of());

        assertThat(verdict.status()).isEqualTo(Status.NOT_REQUIRED);
        assertThat(verdict.reason()).isEqualTo("the pack does not require consent evidence for cctv");
    }

    @Test
    void consentIsNotRequiredForItemsThatAreNotRecordings() {
        ConsentVerdict verdict = evaluate(video("/Videos/holiday.mp4"));

        assertThat(verdict.status()).isEqualTo(Status.NOT_REQUIRED);
    }
}
