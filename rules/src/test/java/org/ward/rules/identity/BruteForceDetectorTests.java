package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.SignIns.LAGOS;
import static org.ward.rules.identity.SignIns.NORWICH;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

class BruteForceDetectorTests {

    static List<FindingDraft> bruteForce(List<SignInEvent> events) {
        return SignIns.findings(IdentityCatalogue.BRUTE_FORCE, events);
    }

    static List<SignInEvent> failures(int n, Duration every) {
        return SignIns.of("cara").daysAgo(3).from(LAGOS, "198.51.100.30").failed(50126).times(n, every);
    }

    @Test
    void flagsTwelveFailedSignInsOnOneAccountInHalfAnHour() {
        List<FindingDraft> found = bruteForce(failures(12, Duration.ofMinutes(2)));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("Cara (cara@clinic.nhs.uk) had 12 failed sign-ins in a short time.");
        assertThat(found.get(0).severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void raisesTheSeverityWhenASuccessFollowsTheFailures() {
        List<SignInEvent> failed = failures(12, Duration.ofMinutes(2));
        SignInEvent success = SignIns.of("cara").at(failed.get(11).time().plus(Duration.ofMinutes(3)))
                .from(LAGOS, "198.51.100.30").event();

        List<FindingDraft> found = bruteForce(SignIns.all(failed, List.of(success)));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).endsWith("then one succeeded.");
        assertThat(found.get(0).severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void ignoresTwoFailuresFollowedByASuccess() {
        List<SignInEvent> failed = SignIns.of("cara").daysAgo(3).from(NORWICH, "194.80.10.20").failed(50126)
                .times(2, Duration.ofSeconds(30));
        SignInEvent success = SignIns.of("cara").at(failed.get(1).time().plus(Duration.ofSeconds(40)))
                .from(NORWICH, "194.80.10.20").event();

        assertThat(bruteForce(SignIns.all(failed, List.of(success)))).isEmpty();
    }

    @Test
    void ignoresTenFailuresSpreadOverADay() {
        assertThat(bruteForce(failures(10, Duration.ofHours(2)))).isEmpty();
    }
}
