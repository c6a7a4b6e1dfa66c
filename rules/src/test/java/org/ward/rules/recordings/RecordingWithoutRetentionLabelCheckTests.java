package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.recordings.CompliantRecording.CONTEXT;
import static org.ward.rules.recordings.CompliantRecording.rule;
import static org.ward.rules.recordings.RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;

/** RECORDING_WITHOUT_RETENTION_LABEL, over the named fixture {@link CompliantRecording}. */
class RecordingWithoutRetentionLabelCheckTests {

    private static CheckOutcome run(RecordingFacts facts) {
        return new RecordingWithoutRetentionLabelCheck().evaluate(facts, rule(RECORDING_WITHOUT_RETENTION_LABEL), CONTEXT);
    }

    @Test
    void flagsRecordingWithoutRetentionLabel() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", null, Duration.ofDays(365), Map.of()),
                "consultation-video", List.of(CompliantRecording.identifier(CompliantRecording.PATIENT))),
                CompliantRecording.approvedSite(), List.of(CompliantRecording.consentForm()));
        FindingDraft finding = run(facts).findings().get(0);
        assertThat(finding.title()).isEqualTo("A consultation video has no retention label.");
        assertThat(finding.details()).containsEntry("requiredLabel", "Clinical Recording - 8 Years")
                .containsEntry("trigger", "created").containsEntry("reviewDate", "2033-11-20");
    }

    @Test
    void flagsRecordingWithAnotherRetentionLabel() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", "Meeting Recording",
                        Duration.ofDays(365), Map.of()), "consultation-video", List.of()),
                CompliantRecording.approvedSite(), List.of());
        assertThat(run(facts).findings().get(0).title())
                .isEqualTo("A consultation video carries the retention label \"Meeting Recording\" instead of"
                        + " \"Clinical Recording - 8 Years\".");
    }
}
