package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.ClinicIdentity.clinic;
import static org.ward.rules.identity.ClinicIdentity.judge;
import static org.ward.rules.identity.IdentityCatalogue.RISKY_USER;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

/** RISKY_USER, over the named fixture {@link ClinicIdentity}. */
class RiskyUserCheckTests {

    private static CheckOutcome run(IdentityFacts facts) {
        return judge(new RiskyUserCheck(), RISKY_USER, facts);
    }

    @Test
    void carriesIdentityProtectionsRiskyUserWithWardsRanking() {
        CheckOutcome outcome = run(clinic().facts());

        FindingDraft ben = outcome.findings().get(0);
        assertThat(ben.title()).isEqualTo("Ben Okri (ben@clinic.nhs.uk) is at high risk in Entra ID Protection.");
        assertThat(ben.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ben.reasons()).contains("1 risk detection: unlikelyTravel from Lagos, NG.");
        assertThat(ben.details()).containsKey("detections");
    }

    @Test
    void ignoresRemediatedAndLowRiskUsers() {
        CheckOutcome outcome = run(clinic().riskyUsers(
                new RiskyUserView("id-ben", "ben@clinic.nhs.uk", "Ben Okri", "high", "remediated", "userPerformedSecuredPasswordReset", null),
                new RiskyUserView("id-dev", "dev@clinic.nhs.uk", "Dev Patel", "low", "atRisk", "none", null)).facts());

        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void reportsRiskyUsersAsNotRunWithoutP2() {
        CheckOutcome outcome = run(clinic().riskyUsers(NotRun.licence("the tenant has"
                + " no Microsoft Entra ID P2 licence, needed for risky users")).facts());

        assertThat(outcome.notEvaluated()).contains("P2");
    }
}
