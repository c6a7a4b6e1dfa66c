package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.ClinicIdentity.clinic;
import static org.ward.rules.identity.ClinicIdentity.judge;
import static org.ward.rules.identity.IdentityCatalogue.MFA_NOT_REGISTERED;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

/** MFA_NOT_REGISTERED, over the named fixture {@link ClinicIdentity}. */
class MfaNotRegisteredCheckTests {

    static CheckOutcome notRegistered(IdentityFacts facts) {
        return judge(new MfaNotRegisteredCheck(), MFA_NOT_REGISTERED, facts);
    }

    static FindingDraft about(CheckOutcome outcome, String upn) {
        return outcome.findings().stream().filter(f -> upn.equals(f.resource().path())).findFirst().orElseThrow();
    }

    @Test
    void ranksAnUnregisteredOwnerOfARecordingsSiteCritical() {
        FindingDraft ben = about(notRegistered(clinic().facts()), "ben@clinic.nhs.uk");

        assertThat(ben.type()).isEqualTo(MFA_NOT_REGISTERED);
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
}
