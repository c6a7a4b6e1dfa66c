package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.ClinicIdentity.clinic;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;
import org.ward.rules.policy.Severity;

/** The tenant-level identity checks over the named fixture {@link ClinicIdentity}. */
class IdentityChecksTests {

    static final PolicyPack NHS = SignIns.NHS;

    static CheckOutcome run(IdentityCheck check, IdentityFacts facts) {
        Rule rule = NHS.rule(check.type()).orElseThrow();
        return check.evaluate(facts, rule);
    }

    static CheckOutcome notRegistered(IdentityFacts facts) {
        return run(new MfaNotRegisteredCheck(NHS.identity(), true), facts);
    }

    static FindingDraft about(CheckOutcome outcome, String upn) {
        return outcome.findings().stream().filter(f -> upn.equals(f.resource().path())).findFirst().orElseThrow();
    }

    @Test
    void ranksAnUnregisteredOwnerOfARecordingsSiteCritical() {
        FindingDraft ben = about(notRegistered(clinic().facts()), "ben@clinic.nhs.uk");

        assertThat(ben.type()).isEqualTo(FindingType.MFA_NOT_REGISTERED);
        assertThat(ben.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ben.reasons()).contains("No authentication method is registered.",
                "Owns Clinical Recordings (approved), which holds patient recordings.");
    }

    @Test
    void ranksAnUnregisteredUserWithNoReachIntoPatientDataAStepBelowTheRule() {
        FindingDraft cara = about(notRegistered(clinic().facts()), "cara@clinic.nhs.uk");

        assertThat(cara.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(cara.reasons()).contains("Only email registered, which serves password reset, not a second factor.",
                "Ward found no reach into patient data.");
    }

    @Test
    void leavesGuestsOutUnlessThePackIncludesThem() {
        assertThat(notRegistered(clinic().facts()).findings()).extracting(f -> f.resource().path())
                .containsExactlyInAnyOrder("ben@clinic.nhs.uk", "cara@clinic.nhs.uk");
    }

    @Test
    void saysReachIsUnknownBeforeAnyScan() {
        FindingDraft ben = about(notRegistered(clinic().reach(ReachIndex.UNKNOWN).facts()), "ben@clinic.nhs.uk");

        assertThat(ben.severity()).isEqualTo(Severity.HIGH);
        assertThat(ben.reasons()).contains("Reach into patient data is unknown: no completed scan has found where recordings"
                + " are yet.");
    }

    @Test
    void reportsRegistrationAsNotRunWithoutThePremiumLicence() {
        CheckOutcome outcome = notRegistered(clinic().registrations(NotRun.licence("the tenant has no Microsoft Entra ID P1"
                + " or P2 licence, needed for the registration report")).facts());

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.notEvaluated()).contains("P1 or P2 licence");
    }

    @Test
    void flagsAGlobalAdministratorWithoutARegisteredMethod() {
        IdentityFacts facts = clinic().registrations(ClinicIdentity.ben, ClinicIdentity.dev,
                new MfaRegistration("id-ada", "ada@clinic.nhs.uk", "Ada Lovelace", false, true, false, List.of())).facts();

        CheckOutcome outcome = run(new AdminWithoutMfaCheck(NHS.identity()), facts);

        assertThat(outcome.findings()).hasSize(1);
        assertThat(outcome.findings().get(0).title()).isEqualTo("Ada Lovelace (ada@clinic.nhs.uk) holds Global Administrator"
                + " without a registered MFA method.");
        assertThat(outcome.findings().get(0).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void flagsAnAdministratorThePolicyExcludes() {
        IdentityFacts facts = clinic().policies(ClinicIdentity.mfaForAll("enabled", List.of("id-ada"), List.of())).facts();

        CheckOutcome outcome = run(new AdminWithoutMfaCheck(NHS.identity()), facts);

        assertThat(outcome.findings()).extracting(FindingDraft::title).containsExactly("Ada Lovelace (ada@clinic.nhs.uk)"
                + " holds Global Administrator and is not required to use MFA.");
    }

    @Test
    void passesARegisteredAdministratorThePolicyCovers() {
        assertThat(run(new AdminWithoutMfaCheck(NHS.identity()), clinic().facts())).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void saysWhoTheMfaPolicyExcludesAndHowManyPeopleThatIs() {
        CheckOutcome outcome = run(new MfaNotEnforcedCheck(), clinic().facts());

        FindingDraft finding = outcome.findings().get(0);
        assertThat(finding.title()).isEqualTo("MFA is required for all users except 4 people the policies exclude.");
        assertThat(finding.reasons()).contains("Policy \"Require MFA for all users\" excludes the user cara@clinic.nhs.uk"
                + " (Cara Jones); excludes the group Locums (3 members).");
        assertThat(finding.resource().path()).isEqualTo("tenant");
        assertThat(finding.details().get("people")).isEqualTo(4);
    }

    @Test
    void flagsMfaNotEnforcedWhenThePolicyIsOnlyReportOnly() {
        CheckOutcome outcome = run(new MfaNotEnforcedCheck(), clinic()
                .policies(ClinicIdentity.mfaForAll("enabledForReportingButNotEnforced", List.of(), List.of())).facts());

        assertThat(outcome.findings().get(0).reasons()).contains(
                "The policy \"Require MFA for all users\" is in report-only mode.", "Security defaults are off.");
    }

    @Test
    void passesMfaEnforcementWhenAPolicyCoversEveryone() {
        assertThat(run(new MfaNotEnforcedCheck(), clinic().policies(ClinicIdentity.mfaForAll("enabled", List.of(),
                List.of())).facts())).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void passesMfaEnforcementWhenThePolicyExcludesOnlyAnEmptyGroup() {
        IdentityFacts facts = new IdentityFacts(clinic().facts().registrations(), clinic().facts().roles(),
                Collected.of(List.of(ClinicIdentity.mfaForAll("enabled", List.of(), List.of("group-empty")))),
                Collected.of(false), clinic().facts().riskyUsers(), clinic().facts().detections(), ClinicIdentity.REACH,
                Map.of("group-empty", java.util.Set.of()), Map.of("group-empty", "\"Former locums\""));

        assertThat(run(new MfaNotEnforcedCheck(), facts)).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void acceptsSecurityDefaultsAsEnforcement() {
        assertThat(run(new MfaNotEnforcedCheck(), clinic().policies().securityDefaults(true).facts()))
                .isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void decidesOnSecurityDefaultsAloneWhenTheTenantHasNoLicenceForConditionalAccess() {
        CheckOutcome outcome = run(new MfaNotEnforcedCheck(), clinic().policies(NotRun.licence("the tenant has no"
                + " Microsoft Entra ID P1 licence, needed for conditional-access policies")).facts());

        assertThat(outcome.findings()).hasSize(1);
        assertThat(outcome.findings().get(0).reasons()).contains("The tenant has no Microsoft Entra ID P1 licence, needed"
                + " for conditional-access policies, so no conditional-access policy can apply.");
    }

    @Test
    void reportsEnforcementAsNotRunWithoutPolicyReadAll() {
        CheckOutcome outcome = run(new MfaNotEnforcedCheck(), clinic()
                .policies(NotRun.permission("the app lacks Policy.Read.All"))
                .securityDefaults(NotRun.permission("the app lacks Policy.Read.All")).facts());

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.notEvaluated()).isEqualTo("the app lacks Policy.Read.All");
    }

    @Test
    void flagsLegacyAuthenticationAllowedWhenTheBlockIsReportOnly() {
        CheckOutcome outcome = run(new LegacyAuthAllowedCheck(), clinic().policies(
                ClinicIdentity.blockLegacy("enabledForReportingButNotEnforced")).facts());

        assertThat(outcome.findings().get(0).reasons()).contains(
                "The policy \"Block legacy authentication\" is in report-only mode.");
    }

    @Test
    void passesLegacyAuthenticationWhenAPolicyBlocksItForEveryone() {
        assertThat(run(new LegacyAuthAllowedCheck(), clinic().facts())).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void carriesIdentityProtectionsRiskyUserWithWardsRanking() {
        CheckOutcome outcome = run(new RiskyUserCheck(NHS.identity()), clinic().facts());

        FindingDraft ben = outcome.findings().get(0);
        assertThat(ben.title()).isEqualTo("Ben Okri (ben@clinic.nhs.uk) is at high risk in Entra ID Protection.");
        assertThat(ben.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ben.reasons()).contains("1 risk detection: unlikelyTravel from Lagos, NG.");
        assertThat(ben.details()).containsKey("detections");
    }

    @Test
    void ignoresRemediatedAndLowRiskUsers() {
        CheckOutcome outcome = run(new RiskyUserCheck(NHS.identity()), clinic().riskyUsers(
                new RiskyUserView("id-ben", "ben@clinic.nhs.uk", "Ben Okri", "high", "remediated", "userPerformedSecuredPasswordReset", null),
                new RiskyUserView("id-dev", "dev@clinic.nhs.uk", "Dev Patel", "low", "atRisk", "none", null)).facts());

        assertThat(outcome.findings()).isEmpty();
    }

    @Test
    void reportsRiskyUsersAsNotRunWithoutP2() {
        CheckOutcome outcome = run(new RiskyUserCheck(NHS.identity()), clinic().riskyUsers(NotRun.licence("the tenant has"
                + " no Microsoft Entra ID P2 licence, needed for risky users")).facts());

        assertThat(outcome.notEvaluated()).contains("P2");
    }

    @Test
    void assessmentListsWhatCouldNotRunByRuleAndLeavesThoseTypesUndecided() {
        IdentityAssessment.Outcome outcome = new IdentityAssessment(NHS).assess(clinic().riskyUsers(NotRun.licence(
                "the tenant has no Microsoft Entra ID P2 licence, needed for risky users")).facts());

        assertThat(outcome.notRun()).containsEntry("risky-user", "the tenant has no Microsoft Entra ID P2 licence, needed"
                + " for risky users");
        assertThat(outcome.types()).doesNotContain(FindingType.RISKY_USER).contains(FindingType.MFA_NOT_REGISTERED);
        assertThat(outcome.findings()).extracting(FindingDraft::type).doesNotContain(FindingType.RISKY_USER);
        assertThat(Map.copyOf(outcome.notRun())).hasSize(1);
    }
}
