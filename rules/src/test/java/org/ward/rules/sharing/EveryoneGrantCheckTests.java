package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.findings;
import static org.ward.rules.sharing.SharingCatalogue.EVERYONE_GRANT;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

/** EVERYONE_GRANT, judged with every sharing check the pack enables over the named fixture {@link SharedRecording}. */
class EveryoneGrantCheckTests {

    @Test
    void flagsEveryoneExceptExternalUsersGrant() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.everyoneExceptExternalUsers())).get(0);
        assertThat(finding.type()).isEqualTo(EVERYONE_GRANT);
        assertThat(finding.title()).isEqualTo("\"Everyone except external users\" can reach a consultation video.");
    }
}
