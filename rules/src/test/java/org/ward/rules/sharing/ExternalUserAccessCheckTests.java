package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.findings;
import static org.ward.rules.sharing.SharedRecording.types;
import static org.ward.rules.sharing.SharingCatalogue.EXTERNAL_USER_ACCESS;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

/** EXTERNAL_USER_ACCESS, judged with every sharing check the pack enables over the named fixture {@link SharedRecording}. */
class ExternalUserAccessCheckTests {

    @Test
    void flagsGuestFromAStrangerDomain() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.guest("g1", "someone@gmail.com"))).stream()
                .filter(f -> f.type() == EXTERNAL_USER_ACCESS).findFirst().orElseThrow();
        assertThat(finding.reasons()).anyMatch(r -> r.startsWith("Outside the organisation and its partner trusts: someone@gmail.com"));
    }

    @Test
    void guestFromAPartnerTrustIsAllowed() {
        assertThat(types(SharedRecording.with(SharedRecording.guest("g2", "dan@northvale.nhs.uk"))))
                .doesNotContain(EXTERNAL_USER_ACCESS);
    }
}
