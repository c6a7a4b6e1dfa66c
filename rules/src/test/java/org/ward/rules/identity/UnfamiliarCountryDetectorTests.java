package org.ward.rules.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.identity.SignIns.LAGOS;
import static org.ward.rules.identity.SignIns.NORWICH;
import static org.ward.rules.identity.SignIns.NOW;
import static org.ward.rules.identity.SignIns.PARIS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;

class UnfamiliarCountryDetectorTests {

    static List<FindingDraft> unfamiliar(List<SignInEvent> events) {
        return SignIns.findings(IdentityCatalogue.UNFAMILIAR_COUNTRY, events);
    }

    /** A fortnight of ordinary sign-ins from Norwich, one a day. */
    static List<SignInEvent> fortnightInNorwich(String user) {
        List<SignInEvent> out = new ArrayList<>();
        for (int day = 20; day > 6; day--) {
            out.add(SignIns.of(user).daysAgo(day).from(NORWICH, "194.80.10.20").event());
        }
        return out;
    }

    @Test
    void flagsTheFirstSignInFromNigeriaOfAUserWhoSignsInFromEngland() {
        List<SignInEvent> events = fortnightInNorwich("ada");
        SignInEvent lagos = SignIns.of("ada").daysAgo(2).from(LAGOS, "198.51.100.7").event();
        events.add(lagos);
        events.add(SignIns.of("ada").daysAgo(1.5).from(LAGOS, "198.51.100.7").event());

        List<FindingDraft> found = unfamiliar(events);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("Ada (ada@clinic.nhs.uk) signed in from Lagos, NG, a country not seen"
                + " for them in the last 30 days.");
        assertThat(found.get(0).reasons().get(0)).isEqualTo("In the 30 days before, they signed in only from GB.");
        assertThat(found.get(0).discriminator()).isEqualTo(lagos.id());
    }

    @Test
    void doesNotFlagANewLookingCountryThatIsInTheBaseline() {
        UserBaseline lastRun = new UserBaseline("id-ada", "ada@clinic.nhs.uk", "Ada", null, null, null,
                Map.of("GB", NOW.minus(Duration.ofDays(1)), "FR", NOW.minus(Duration.ofDays(12))));
        SignInEvent paris = SignIns.of("ada").at(NOW.minus(Duration.ofHours(3))).from(PARIS, "192.0.2.50").event();

        assertThat(SignIns.findings(SignIns.NHS, Map.of("id-ada", lastRun), ReachIndex.UNKNOWN,
                IdentityCatalogue.UNFAMILIAR_COUNTRY, List.of(paris))).isEmpty();
    }

    @Test
    void doesNotFlagTheSecondVisitToACountryWithinTheWindow() {
        List<SignInEvent> events = fortnightInNorwich("ada");
        SignInEvent firstVisit = SignIns.of("ada").daysAgo(15).from(PARIS, "192.0.2.50").event();
        events.add(firstVisit);
        events.add(SignIns.of("ada").daysAgo(2).from(PARIS, "192.0.2.51").event());

        assertThat(unfamiliar(events)).extracting(FindingDraft::discriminator).containsExactly(firstVisit.id());
    }

    @Test
    void flagsACountryLastSeenBeforeTheBaselineWindow() {
        List<SignInEvent> events = fortnightInNorwich("ada");
        events.add(SignIns.of("ada").daysAgo(60).from(PARIS, "192.0.2.50").event());
        events.add(SignIns.of("ada").daysAgo(2).from(PARIS, "192.0.2.51").event());

        assertThat(unfamiliar(events)).extracting(f -> f.details().get("country")).containsExactly("FR");
    }

    @Test
    void doesNotFlagAUserWithNoHistoryYet() {
        assertThat(unfamiliar(List.of(SignIns.of("new.starter").daysAgo(1).from(PARIS, "192.0.2.50").event()))).isEmpty();
    }

    @Test
    void decidesTheFirstSignInsOfARunAgainstTheBaselineTheLastRunKept() {
        UserBaseline lastRun = new UserBaseline("id-ada", "ada@clinic.nhs.uk", "Ada", null, null, null,
                Map.of("GB", NOW.minus(Duration.ofDays(1)), "FR", NOW.minus(Duration.ofDays(9))));
        SignInEvent paris = SignIns.of("ada").at(NOW.minus(Duration.ofHours(3))).from(PARIS, "192.0.2.50").event();
        SignInEvent lagos = SignIns.of("ada").at(NOW.minus(Duration.ofHours(2))).from(LAGOS, "198.51.100.7").event();

        List<FindingDraft> found = SignIns.findings(SignIns.NHS, Map.of("id-ada", lastRun), ReachIndex.UNKNOWN,
                IdentityCatalogue.UNFAMILIAR_COUNTRY, List.of(paris, lagos));

        assertThat(found).extracting(f -> f.details().get("country")).containsExactly("NG");
    }
}
