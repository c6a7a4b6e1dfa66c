package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.recordings.CompliantRecording.CONTEXT;
import static org.ward.rules.recordings.CompliantRecording.rule;
import static org.ward.rules.recordings.RecordingsCatalogue.RECORDING_PAST_RETENTION;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;

/** RECORDING_PAST_RETENTION, over the named fixture {@link CompliantRecording}. */
class RecordingPastRetentionCheckTests {

    private static CheckOutcome run(RecordingFacts facts) {
        return new RecordingPastRetentionCheck().evaluate(facts, rule(RECORDING_PAST_RETENTION), CONTEXT);
    }

    @Test
    void flagsRecordingKeptPastItsRetentionPeriod() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", "Clinical Recording - 8 Years",
                        Duration.ofDays(365 * 9), Map.of()), "consultation-video", List.of()),
                CompliantRecording.approvedSite(), List.of());
        FindingDraft finding = run(facts).findings().get(0);
        assertThat(finding.type()).isEqualTo(RECORDING_PAST_RETENTION);
        assertThat(finding.details()).containsEntry("retentionPeriod", "P8Y").containsEntry("trigger", "created")
                .containsEntry("retentionLabel", "Clinical Recording - 8 Years");
    }

    @Test
    void eventBasedRecordingIsPastItsReviewDateWithTheEventRecorded() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "COT 3.mp4", "video/mp4", null, Duration.ofDays(400), Map.of()),
                "student-assessment", List.of()), CompliantRecording.approvedSite(), List.of());
        FindingDraft finding = run(facts).findings().get(0);
        assertThat(finding.title()).isEqualTo("A student assessment is 35 days past its review date (its retention period"
                + " starts at \"Assessment and any appeal concluded\").");
        assertThat(finding.details()).containsEntry("trigger", "event: Assessment and any appeal concluded")
                .containsEntry("reviewDate", "2026-10-16");
    }
}
