package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.NOW;
import static org.ward.rules.sharing.SharedRecording.findings;
import static org.ward.rules.sharing.SharingCatalogue.ANONYMOUS_LINK;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

/** ANONYMOUS_LINK, judged with every sharing check the pack enables over the named fixture {@link SharedRecording}. */
class AnonymousLinkCheckTests {

    @Test
    void flagsAnonymousLinkOnRecording() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.link("anyone-1", "anonymous", "view",
                NOW.plus(Duration.ofDays(3))))).stream().filter(f -> f.type() == ANONYMOUS_LINK).findFirst()
                .orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.discriminator()).isEqualTo("anyone-1");
        assertThat(finding.reasons()).contains("Who can reach it now: anyone with the link, without signing in; group"
                + " \"Clinical Recordings Owners\" (membership not visible in Graph); group \"Clinical Recordings\" (membership"
                + " not visible in Graph); group \"Clinical Recordings Visitors\" (membership not visible in Graph).");
    }

    @Test
    void theFindingSaysWhyTheItemIsAPatientRecording() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.link("anyone-1", "anonymous", "view",
                NOW.plus(Duration.ofDays(3))))).stream().filter(f -> f.type() == ANONYMOUS_LINK).findFirst()
                .orElseThrow();

        assertThat(finding.details()).containsKey(FindingDraft.CLASSIFICATION);
        assertThat(((java.util.Map<?, ?>) finding.details().get(FindingDraft.CLASSIFICATION)).keySet().stream().map(String::valueOf).toList()).contains("signals", "score",
                "threshold", "against", "identifiers");
    }

    @Test
    void expiredAnonymousLinkIsNotAFinding() {
        assertThat(findings(SharedRecording.with(SharedRecording.link("old", "anonymous", "view", NOW.minus(Duration.ofDays(1))))))
                .isEmpty();
    }
}
