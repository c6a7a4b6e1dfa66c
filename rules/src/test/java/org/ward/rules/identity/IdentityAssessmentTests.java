package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.ClinicIdentity.CONTEXT;
import static org.ward.rules.identity.ClinicIdentity.clinic;
import static org.ward.rules.identity.IdentityCatalogue.MFA_NOT_REGISTERED;
import static org.ward.rules.identity.IdentityCatalogue.RISKY_USER;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

/** The tenant-level identity checks together, over the named fixture {@link ClinicIdentity}. */
class IdentityAssessmentTests {

    @Test
    void assessmentListsWhatCouldNotRunByRuleAndLeavesThoseTypesUndecided() {
        IdentityAssessment.Outcome outcome = new IdentityAssessment(CONTEXT).assess(clinic().riskyUsers(NotRun.licence(
                "the tenant has no Microsoft Entra ID P2 licence, needed for risky users")).facts());

        assertThat(outcome.notRun()).containsEntry("risky-user", "the tenant has no Microsoft Entra ID P2 licence, needed"
                + " for risky users");
        assertThat(outcome.types()).doesNotContain(RISKY_USER).contains(MFA_NOT_REGISTERED);
        assertThat(outcome.findings()).extracting(FindingDraft::type).doesNotContain(RISKY_USER);
        assertThat(Map.copyOf(outcome.notRun())).hasSize(1);
    }
}
