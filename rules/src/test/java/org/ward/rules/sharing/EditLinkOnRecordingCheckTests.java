package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.NOW;
import static org.ward.rules.sharing.SharedRecording.types;
import static org.ward.rules.sharing.SharingCatalogue.EDIT_LINK_ON_RECORDING;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** EDIT_LINK_ON_RECORDING, judged with every sharing check the pack enables over the named fixture {@link SharedRecording}. */
class EditLinkOnRecordingCheckTests {

    @Test
    void flagsEditLinkOnRecording() {
        assertThat(types(SharedRecording.with(SharedRecording.link("edit-1", "users", "edit", NOW.plus(Duration.ofDays(10))))))
                .containsExactly(EDIT_LINK_ON_RECORDING);
    }
}
