package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.SignIns.LONDON;
import static org.ward.rules.identity.SignIns.MANCHESTER;
import static org.ward.rules.identity.SignIns.NEW_YORK;
import static org.ward.rules.identity.SignIns.NOW;
import static org.ward.rules.identity.SignIns.SYDNEY;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

class ImpossibleTravelDetectorTests {

    static List<FindingDraft> travel(List<SignInEvent> events) {
        return SignIns.findings(IdentityCatalogue.IMPOSSIBLE_TRAVEL, events);
    }

    @Test
    void flagsImpossibleTravelBetweenLondonAndSydney() {
        SignInEvent london = SignIns.of("ben").daysAgo(2).from(LONDON, "194.80.10.20").event();
        SignInEvent sydney = SignIns.of("ben").at(london.time().plus(Duration.ofMinutes(65))).from(SYDNEY, "203.0.113.9").event();

        List<FindingDraft> found = travel(List.of(london, sydney));

        assertThat(found).hasSize(1);
        FindingDraft finding = found.get(0);
        assertThat(finding.title()).isEqualTo("Ben (ben@clinic.nhs.uk) signed in from London, GB and then from Sydney, AU"
                + " 1 h 5 min later.");
        assertThat(finding.reasons().get(0)).startsWith("The two successful sign-ins are 16,99").contains("km/h");
        assertThat(finding.resource().path()).isEqualTo("ben@clinic.nhs.uk");
        assertThat(finding.discriminator()).isEqualTo(sydney.id());
    }

    @Test
    void listsBothSignInsAsEvidenceWithNothingMoreAboutTheUserThanUpnAndName() {
        SignInEvent london = SignIns.of("ben").daysAgo(2).from(LONDON, "194.80.10.20").event();
        SignInEvent sydney = SignIns.of("ben").at(london.time().plus(Duration.ofMinutes(65))).from(SYDNEY, "203.0.113.9").event();

        FindingDraft finding = travel(List.of(london, sydney)).get(0);

        assertThat(finding.details().get("user")).isEqualTo(Map.of("upn", "ben@clinic.nhs.uk", "displayName", "Ben"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> signIns = (List<Map<String, Object>>) finding.details().get("signIns");
        assertThat(signIns).extracting(m -> m.get("place")).containsExactly("Sydney, AU", "London, GB");
        assertThat(signIns.get(0)).containsOnlyKeys("time", "ip", "place", "app", "client", "result")
                .containsEntry("ip", "203.0.113.9").containsEntry("result", "success");
        assertThat(finding.details().toString()).doesNotContain("id-ben");
    }

    @Test
    void ignoresAVpnHopInsideOneCountry() {
        SignInEvent london = SignIns.of("ben").daysAgo(1).from(LONDON, "194.80.10.20").event();
        SignInEvent manchester = SignIns.of("ben").at(london.time().plus(Duration.ofMinutes(5))).from(MANCHESTER, "81.2.69.160")
                .event();

        assertThat(travel(List.of(london, manchester))).isEmpty();
    }

    @Test
    void ignoresAJourneyAnAirlinerCouldMake() {
        SignInEvent london = SignIns.of("ben").daysAgo(1).from(LONDON, "194.80.10.20").event();
        SignInEvent newYork = SignIns.of("ben").at(london.time().plus(Duration.ofHours(9))).from(NEW_YORK, "198.51.100.4")
                .event();

        assertThat(travel(List.of(london, newYork))).isEmpty();
    }

    @Test
    void ignoresSignInsFromAnAllowedNetwork() {
        SignInEvent london = SignIns.of("ben").daysAgo(1).from(LONDON, "194.80.10.20").event();
        SignInEvent vpn = SignIns.of("ben").at(london.time().plus(Duration.ofMinutes(20))).from(NEW_YORK, "185.199.110.153")
                .event();

        assertThat(SignIns.findings(SignIns.CLINIC, Map.of(), ReachIndex.UNKNOWN, IdentityCatalogue.IMPOSSIBLE_TRAVEL,
                List.of(london, vpn))).isEmpty();
    }

    @Test
    void ignoresAFailedSignInFromFarAway() {
        SignInEvent london = SignIns.of("ben").daysAgo(1).from(LONDON, "194.80.10.20").event();
        SignInEvent attempt = SignIns.of("ben").at(london.time().plus(Duration.ofMinutes(20))).from(SYDNEY, "203.0.113.9")
                .failed(50126).event();

        assertThat(travel(List.of(london, attempt))).isEmpty();
    }

    @Test
    void pairsThisRunsFirstSignInWithTheLastOneThePreviousRunKept() {
        SignInEvent london = SignIns.of("ben").at(NOW.minus(Duration.ofHours(3))).from(LONDON, "194.80.10.20").event();
        UserBaseline lastRun = new UserBaseline("id-ben", "ben@clinic.nhs.uk", "Ben", Evidence.of(london),
                london.latitude(), london.longitude(), Map.of("GB", london.time()));
        SignInEvent sydney = SignIns.of("ben").at(NOW.minus(Duration.ofHours(2))).from(SYDNEY, "203.0.113.9").event();

        assertThat(SignIns.findings(SignIns.NHS, Map.of("id-ben", lastRun), ReachIndex.UNKNOWN,
                IdentityCatalogue.IMPOSSIBLE_TRAVEL, List.of(sydney))).hasSize(1);
    }
}
