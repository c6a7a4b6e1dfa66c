package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.findings;

import org.junit.jupiter.api.Test;

/** The sharing checks together, over the named fixture {@link SharedRecording}. */
class SharingCatalogueTests {

    @Test
    void recordingSharedOnlyWithItsSiteBreaksNoSharingRule() {
        assertThat(findings(SharedRecording.compliant())).isEmpty();
    }
}
