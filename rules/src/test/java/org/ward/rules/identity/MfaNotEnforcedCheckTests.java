package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.ClinicIdentity.clinic;
import static org.ward.rules.identity.ClinicIdentity.judge;
import static org.ward.rules.identity.IdentityCatalogue.MFA_NOT_ENFORCED;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;

/** MFA_NOT_ENFORCED, over the named fixture {@link ClinicIdentity}. */
class MfaNotEnforcedCheckTests {

    private static CheckOutcome run(IdentityFacts facts) {
        return judge(new MfaNotEnforcedCheck(), MFA_NOT_ENFORCED, facts);
    }

    @Test
    void saysWhoTheMfaPolicyExcludesAndHowManyPeopleThatIs() {
        CheckOutcome outcome = run(clinic().facts());

        FindingDraft finding = outcome.findings().get(0);
        assertThat(finding.title()).isEqualTo("MFA is required for all users except 4 people the policies exclude.");
        assertThat(finding.reasons()).contains("Policy \"Require MFA for all users\" excludes the user cara@clinic.nhs.uk"
                + " (Cara Jones); excludes the group Locums (3 members).");
        assertThat(finding.resource().path()).isEqualTo("tenant");
        assertThat(finding.details().get("people")).isEqualTo(4);
    }

    @Test
    void flagsMfaNotEnforcedWhenThePolicyIsOnlyReportOnly() {
        CheckOutcome outcome = run(clinic()
                .policies(ClinicIdentity.mfaForAll("enabledForReportingButNotEnforced", List.of(), List.of())).facts());

        assertThat(outcome.findings().get(0).reasons()).contains(
                "The policy \"Require MFA for all users\" is in report-only mode.", "Security defaults are off.");
    }

    @Test
    void passesMfaEnforcementWhenAPolicyCoversEveryone() {
        assertThat(run(clinic().policies(ClinicIdentity.mfaForAll("enabled", List.of(),
                List.of())).facts())).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void passesMfaEnforcementWhenThePolicyExcludesOnlyAnEmptyGroup() {
        IdentityFacts facts = new IdentityFacts(clinic().facts().registrations(), clinic().facts().roles(),
                Collected.of(List.of(ClinicIdentity.mfaForAll("enabled", List.of(), List.of("group-empty")))),
                Collected.of(false), clinic().facts().riskyUsers(), clinic().facts().detections(), ClinicIdentity.REACH,
                Map.of("group-empty", java.util.Set.of()), Map.of("group-empty", "\"Former locums\""));

        assertThat(run(facts)).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void acceptsSecurityDefaultsAsEnforcement() {
        assertThat(run(clinic().policies().securityDefaults(true).facts()))
                .isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void decidesOnSecurityDefaultsAloneWhenTheTenantHasNoLicenceForConditionalAccess() {
        CheckOutcome outcome = run(clinic().policies(NotRun.licence("the tenant has no"
                + " Microsoft Entra ID P1 licence, needed for conditional-access policies")).facts());

        assertThat(outcome.findings()).hasSize(1);
        assertThat(outcome.findings().get(0).reasons()).contains("The tenant has no Microsoft Entra ID P1 licence, needed"
                + " for conditional-access policies, so no conditional-access policy can apply.");
    }

    @Test
    void reportsEnforcementAsNotRunWithoutPolicyReadAll() {
        CheckOutcome outcome = run(clinic()
                .policies(NotRun.permission("the app lacks Policy.Read.All"))
                .securityDefaults(NotRun.permission("the app lacks Policy.Read.All")).facts());

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.notEvaluated()).isEqualTo("the app lacks Policy.Read.All");
    }
}
