package org.ward.rules.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.labels.LabelledSurroundings.CONTEXT;
import static org.ward.rules.labels.LabelledSurroundings.rule;
import static org.ward.rules.labels.LabelsCatalogue.RECORD_LABEL_BLOCKS_RETENTION_LABEL;

import org.junit.jupiter.api.Test;
import org.ward.rules.facts.RetentionLabelState;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;

/** RECORD_LABEL_BLOCKS_RETENTION_LABEL, over the named fixture {@link LabelledSurroundings}. */
class RecordLabelBlocksRetentionLabelCheckTests {

    private static CheckOutcome run(RetentionLabelState label) {
        return new RecordLabelBlocksRetentionLabelCheck().evaluate(LabelledSurroundings.recordingCarrying(label),
                rule(RECORD_LABEL_BLOCKS_RETENTION_LABEL), CONTEXT);
    }

    @Test
    void flagsRecordingHeldAsALockedRecordUnderAnotherLabel() {
        FindingDraft finding = run(new RetentionLabelState("Corporate Record 6y", "retainAsRecord", true, true, true))
                .findings().get(0);

        assertThat(finding.title()).isEqualTo("A consultation video is a locked record under the label \"Corporate Record"
                + " 6y\", so Ward cannot give it \"Clinical Recording - 8 Years\".");
        assertThat(finding.details()).containsEntry("recordLocked", true).containsEntry("behavior", "retainAsRecord");
    }

    @Test
    void flagsUnlockedAndRegulatoryRecordsToo() {
        assertThat(run(new RetentionLabelState("Draft Record", "retainAsRecord", false, false, true)).findings()).hasSize(1);
        assertThat(run(new RetentionLabelState("Regulatory", "retainAsRegulatoryRecord", true, false, true)).findings())
                .singleElement().satisfies(f -> assertThat(f.title()).contains("is a regulatory record"));
    }

    @Test
    void passesOtherLabelThatIsNoRecord() {
        assertThat(run(new RetentionLabelState("Meeting Recording", "retain", false, true, true)).findings()).isEmpty();
    }

    @Test
    void passesRecordLabelThatIsThePacksOwn() {
        assertThat(run(new RetentionLabelState("Clinical Recording - 8 Years", "retainAsRecord", true, false, true)).findings())
                .isEmpty();
    }

    @Test
    void passesRecordingWithoutLabel() {
        assertThat(run(RetentionLabelState.NONE).findings()).isEmpty();
    }
}
