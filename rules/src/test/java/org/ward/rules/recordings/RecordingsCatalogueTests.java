package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.recordings.CompliantRecording.CONTEXT;
import static org.ward.rules.recordings.CompliantRecording.rule;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ward.rules.check.Check;
import org.ward.rules.findings.CheckOutcome;

/** The recordings catalogue as a whole. */
class RecordingsCatalogueTests {

    @Test
    void compliantRecordingPassesEveryRecordingCheck() {
        for (RecordingsCatalogue type : RecordingsCatalogue.values()) {
            Optional<Check<RecordingFacts>> check = type.check().forFacts(RecordingFacts.class);
            if (check.isEmpty()) {
                continue;
            }
            assertThat(check.get().evaluate(CompliantRecording.compliant(), rule(type), CONTEXT)).as(type.name())
                    .isEqualTo(CheckOutcome.PASS);
        }
    }
}
