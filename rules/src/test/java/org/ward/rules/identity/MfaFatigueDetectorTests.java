package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.SignIns.NORWICH;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

class MfaFatigueDetectorTests {

    static List<FindingDraft> fatigue(List<SignInEvent> events) {
        return SignIns.findings(IdentityCatalogue.MFA_FATIGUE, events);
    }

    static List<SignInEvent> denials(int n, Duration every) {
        return SignIns.of("dev").daysAgo(4).from(NORWICH, "81.2.69.160").deniedMfa().times(n, every);
    }

    static SignInEvent approvalAfter(List<SignInEvent> denials) {
        return SignIns.of("dev").at(denials.get(denials.size() - 1).time().plus(Duration.ofSeconds(20)))
                .from(NORWICH, "81.2.69.160").event();
    }

    @Test
    void flagsElevenDeniedPromptsThenAnApproval() {
        List<SignInEvent> denied = denials(11, Duration.ofSeconds(20));
        SignInEvent approved = approvalAfter(denied);

        List<FindingDraft> found = fatigue(SignIns.all(denied, List.of(approved)));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("Dev (dev@clinic.nhs.uk) denied 11 MFA prompts in a few minutes, then"
                + " approved one.");
        assertThat(found.get(0).discriminator()).isEqualTo(approved.id());
    }

    @Test
    void ignoresTenDenialsBecauseThePackWantsMoreThanTen() {
        List<SignInEvent> denied = denials(10, Duration.ofSeconds(20));

        assertThat(fatigue(SignIns.all(denied, List.of(approvalAfter(denied))))).isEmpty();
    }

    @Test
    void ignoresDenialsNobodyApprovedWhenThePackRequiresASuccess() {
        assertThat(fatigue(denials(15, Duration.ofSeconds(15)))).isEmpty();
    }

    @Test
    void ignoresDenialsSpreadOverAnHour() {
        List<SignInEvent> denied = denials(12, Duration.ofMinutes(5));

        assertThat(fatigue(SignIns.all(denied, List.of(approvalAfter(denied))))).isEmpty();
    }
}
