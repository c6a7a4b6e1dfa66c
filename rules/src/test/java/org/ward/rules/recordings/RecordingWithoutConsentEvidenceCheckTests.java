package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.recordings.CompliantRecording.CONTEXT;
import static org.ward.rules.recordings.CompliantRecording.rule;
import static org.ward.rules.recordings.RecordingsCatalogue.RECORDING_WITHOUT_CONSENT_EVIDENCE;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;

/** RECORDING_WITHOUT_CONSENT_EVIDENCE, over the named fixture {@link CompliantRecording}. */
class RecordingWithoutConsentEvidenceCheckTests {

    private static CheckOutcome run(RecordingFacts facts) {
        return new RecordingWithoutConsentEvidenceCheck().evaluate(facts, rule(RECORDING_WITHOUT_CONSENT_EVIDENCE), CONTEXT);
    }

    @Test
    void flagsRecordingWhoseFolderHoldsNoConsentForm() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(), CompliantRecording.approvedSite(),
                List.of());
        FindingDraft finding = run(facts).findings().get(0);
        assertThat(finding.title()).isEqualTo("A consultation video has no consent record beside it.");
    }

    @Test
    void consentFormForAnotherPatientIsNotEvidence() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(), CompliantRecording.approvedSite(),
                List.of(CompliantRecording.document(CompliantRecording.item("form-2", "Consent 999 *** **26.pdf",
                        "application/pdf", null, Duration.ofDays(10), Map.of()),
                        List.of(CompliantRecording.identifier("hmac-sha256:patient-0026")))));
        assertThat(run(facts).findings()).hasSize(1);
    }

    @Test
    void consentColumnOnTheRecordingIsEvidence() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", "Clinical Recording - 8 Years",
                        Duration.ofDays(30), Map.of("ConsentRecorded", "Yes")), "consultation-video", List.of()),
                CompliantRecording.approvedSite(), List.of());
        assertThat(run(facts)).isEqualTo(CheckOutcome.PASS);
    }
}
