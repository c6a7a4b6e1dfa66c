package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.NOW;
import static org.ward.rules.sharing.SharedRecording.findings;
import static org.ward.rules.sharing.SharedRecording.types;
import static org.ward.rules.sharing.SharingCatalogue.LINK_WITHOUT_EXPIRY;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

/** LINK_WITHOUT_EXPIRY, judged with every sharing check the pack enables over the named fixture {@link SharedRecording}. */
class LinkWithoutExpiryCheckTests {

    @Test
    void flagsLinkThatNeverExpires() {
        assertThat(types(SharedRecording.with(SharedRecording.link("people-1", "users", "view", null))))
                .containsExactly(LINK_WITHOUT_EXPIRY);
    }

    @Test
    void flagsLinkExpiringLaterThanThePolicyAllows() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.link("people-2", "users", "view",
                NOW.plus(Duration.ofDays(90))))).get(0);
        assertThat(finding.type()).isEqualTo(LINK_WITHOUT_EXPIRY);
        assertThat(finding.title()).isEqualTo("A link on a consultation video expires later than the policy allows.");
    }

    @Test
    void linkExpiringWithinTheMaximumIsNotAFinding() {
        assertThat(findings(SharedRecording.with(SharedRecording.link("people-3", "users", "view", NOW.plus(Duration.ofDays(20))))))
                .isEmpty();
    }
}
