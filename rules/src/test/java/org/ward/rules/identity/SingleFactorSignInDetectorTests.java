package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;

class SingleFactorSignInDetectorTests {

    static final ReachIndex ADA_OWNS_RECORDINGS = new ReachIndex(Map.of("id-ada",
            Reach.owner("Clinical Recordings (approved)")), true, false);

    static List<FindingDraft> singleFactor(ReachIndex reach, List<SignInEvent> events) {
        return SignIns.findings(SignIns.NHS, Map.of(), reach, IdentityCatalogue.SINGLE_FACTOR_SIGN_IN, events);
    }

    @Test
    void flagsAPasswordOnlySignInByTheOwnerOfARecordingsSite() {
        List<FindingDraft> found = singleFactor(ADA_OWNS_RECORDINGS,
                List.of(SignIns.of("ada").daysAgo(1).singleFactor().event()));

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("Ada (ada@clinic.nhs.uk) signed in with a password alone and can reach"
                + " patient data.");
        assertThat(found.get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(found.get(0).reasons()).contains("Owns Clinical Recordings (approved), which holds patient recordings.");
    }

    @Test
    void ignoresAPasswordOnlySignInByAUserWhoCannotReachPatientData() {
        assertThat(singleFactor(ADA_OWNS_RECORDINGS, List.of(SignIns.of("ben").daysAgo(1).singleFactor().event()))).isEmpty();
    }

    @Test
    void ignoresMultifactorSignIns() {
        assertThat(singleFactor(ADA_OWNS_RECORDINGS, List.of(SignIns.of("ada").daysAgo(1).event()))).isEmpty();
    }

    @Test
    void cannotRunWithoutTheBetaField() {
        SignInAssessment assessment = new SignInAssessment(SignIns.NHS, Map.of(), ADA_OWNS_RECORDINGS, false);

        assertThat(assessment.types()).doesNotContain(IdentityCatalogue.SINGLE_FACTOR_SIGN_IN);
        assertThat(assessment.notRun().get("single-factor-sign-in")).contains("only the beta sign-in log carries");
    }

    @Test
    void cannotRunBeforeAScanHasFoundWhereRecordingsAre() {
        SignInAssessment assessment = new SignInAssessment(SignIns.NHS, Map.of(), ReachIndex.UNKNOWN, true);

        assertThat(assessment.notRun().get("single-factor-sign-in")).contains("no completed scan");
    }
}
