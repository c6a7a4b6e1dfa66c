package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.ClinicIdentity.clinic;
import static org.ward.rules.identity.ClinicIdentity.judge;
import static org.ward.rules.identity.IdentityCatalogue.ADMIN_WITHOUT_MFA;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

/** ADMIN_WITHOUT_MFA, over the named fixture {@link ClinicIdentity}. */
class AdminWithoutMfaCheckTests {

    private static CheckOutcome run(IdentityFacts facts) {
        return judge(new AdminWithoutMfaCheck(), ADMIN_WITHOUT_MFA, facts);
    }

    @Test
    void flagsAGlobalAdministratorWithoutARegisteredMethod() {
        IdentityFacts facts = clinic().registrations(ClinicIdentity.ben, ClinicIdentity.dev,
                new MfaRegistration("id-ada", "ada@clinic.nhs.uk", "Ada Lovelace", false, true, false, List.of())).facts();

        CheckOutcome outcome = run(facts);

        assertThat(outcome.findings()).hasSize(1);
        assertThat(outcome.findings().get(0).title()).isEqualTo("Ada Lovelace (ada@clinic.nhs.uk) holds Global Administrator"
                + " without a registered MFA method.");
        assertThat(outcome.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void flagsAnAdministratorThePolicyExcludes() {
        IdentityFacts facts = clinic().policies(ClinicIdentity.mfaForAll("enabled", List.of("id-ada"), List.of())).facts();

        CheckOutcome outcome = run(facts);

        assertThat(outcome.findings()).extracting(FindingDraft::title).containsExactly("Ada Lovelace (ada@clinic.nhs.uk)"
                + " holds Global Administrator and is not required to use MFA.");
    }

    @Test
    void passesARegisteredAdministratorThePolicyCovers() {
        assertThat(run(clinic().facts())).isEqualTo(CheckOutcome.PASS);
    }
}
