package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

class LegacyAuthSignInDetectorTests {

    static List<FindingDraft> legacy(List<SignInEvent> events) {
        return SignIns.findings(IdentityCatalogue.LEGACY_AUTH_SIGN_IN, events);
    }

    @Test
    void flagsSuccessfulImapSignInsOnceForTheUserAndClient() {
        List<SignInEvent> imap = SignIns.of("erin").daysAgo(5).client("IMAP4").times(6, Duration.ofHours(4));

        List<FindingDraft> found = legacy(imap);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("Erin (erin@clinic.nhs.uk) signed in with IMAP4, a legacy authentication"
                + " client.");
        assertThat(found.get(0).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(found.get(0).details().get("signInCount")).isEqualTo(6);
    }

    @Test
    void matchesTheClientNameIgnoringCase() {
        assertThat(legacy(List.of(SignIns.of("erin").daysAgo(1).client("authenticated smtp").event()))).hasSize(1);
    }

    @Test
    void ranksFailedAttemptsOnlyAStepLower() {
        List<FindingDraft> found = legacy(List.of(SignIns.of("erin").daysAgo(1).client("POP3").failed(50126).event()));

        assertThat(found.get(0).title()).contains("tried to sign in with POP3");
        assertThat(found.get(0).severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void ignoresModernClients() {
        assertThat(legacy(List.of(SignIns.of("erin").daysAgo(1).client("Mobile Apps and Desktop clients").event(),
                SignIns.of("erin").daysAgo(1).client("Browser").event()))).isEmpty();
    }
}
