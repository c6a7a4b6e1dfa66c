package org.ward.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SharingAndIdentityTests {

    private final PolicyPack pack = TestPolicies.nhsEngland();

    @Test
    void recognisesEveryoneExceptExternalUsersByLoginName() {
        assertThat(pack.sharing().everyone().matches("EEEU",
                "c:0-.f|rolemanager|spo-grid-all-users/3a1f3c5e-0000-4a5b-9c1d-2f6e7a8b9c0d")).isTrue();
    }

    @Test
    void recognisesEveryoneByLoginName() {
        assertThat(pack.sharing().everyone().matches(null, "c:0(.s|true")).isTrue();
    }

    @Test
    void recognisesAllUsersByDisplayNameIgnoringCase() {
        assertThat(pack.sharing().everyone().matches("all users", null)).isTrue();
    }

    @Test
    void namedUserIsNotAnEveryoneGrant() {
        assertThat(pack.sharing().everyone().matches("Jo Bloggs", "i:0#.f|membership|jo@upwellhealth.nhs.uk")).isFalse();
    }

    @Test
    void recognisesLegacyClientAppIgnoringCase() {
        assertThat(pack.identity().isLegacyClientApp("MAPI over HTTP")).isTrue();
    }

    @Test
    void browserIsNotALegacyClientApp() {
        assertThat(pack.identity().isLegacyClientApp("Browser")).isFalse();
    }

    @Test
    void globalAdministratorIsPrivilegedByTemplateId() {
        assertThat(pack.identity().isPrivilegedRole("62e90394-69f5-4237-9190-012177145e10", null)).isTrue();
    }

    @Test
    void passwordSprayThresholdsFollowSentinel() {
        IdentityThresholds.PasswordSpray spray = pack.identity().passwordSpray();

        assertThat(spray.minimumAccounts()).isEqualTo(5);
        assertThat(spray.window()).isEqualTo(Duration.ofMinutes(20));
        assertThat(spray.failureCodes()).containsExactly(50053, 50126, 50055);
    }

    @Test
    void mfaFatigueNeedsMoreThanTenDenialsInFiveMinutes() {
        assertThat(pack.identity().mfaFatigue()).isEqualTo(
                new IdentityThresholds.MfaFatigue(10, Duration.ofMinutes(5), java.util.List.of(500121), true));
    }
}
