package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.ClinicIdentity.clinic;
import static org.ward.rules.identity.ClinicIdentity.judge;
import static org.ward.rules.identity.IdentityCatalogue.LEGACY_AUTH_ALLOWED;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;

/** LEGACY_AUTH_ALLOWED, over the named fixture {@link ClinicIdentity}. */
class LegacyAuthAllowedCheckTests {

    private static CheckOutcome run(IdentityFacts facts) {
        return judge(new LegacyAuthAllowedCheck(), LEGACY_AUTH_ALLOWED, facts);
    }

    @Test
    void flagsLegacyAuthenticationAllowedWhenTheBlockIsReportOnly() {
        CheckOutcome outcome = run(clinic().policies(
                ClinicIdentity.blockLegacy("enabledForReportingButNotEnforced")).facts());

        assertThat(outcome.findings().get(0).reasons()).contains(
                "The policy \"Block legacy authentication\" is in report-only mode.");
    }

    @Test
    void passesLegacyAuthenticationWhenAPolicyBlocksItForEveryone() {
        assertThat(run(clinic().facts())).isEqualTo(CheckOutcome.PASS);
    }
}
