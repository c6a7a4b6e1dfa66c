package org.ward.connector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.ward.rules.identity.ReachIndex;
import org.ward.rules.identity.SignInAssessment;
import org.ward.rules.identity.SignInEvent;
import org.ward.rules.policy.TestPolicies;
import org.ward.simulator.identity.Places;
import org.ward.simulator.identity.SignInGenerator;
import org.ward.simulator.tenant.SignInRecord;

/**
 * A million ordinary sign-ins of 2,000 people, streamed newest first through every detector: nothing is flagged,
 * and the pass keeps per-user state only (it would not finish in the test's heap otherwise).
 */
class SignInVolumeTests {

    @Test
    void aMillionOrdinarySignInsGiveNoAnomaly() {
        Instant end = Instant.parse("2026-11-20T12:00:00Z");
        List<SignInGenerator.Person> people = IntStream.range(0, 2_000).mapToObj(i -> new SignInGenerator.Person("id-" + i,
                "user" + i + "@trust.nhs.uk", "User " + i, Places.named(i % 3 == 0 ? "Leeds" : i % 3 == 1 ? "Bristol"
                : "Norwich"), "81.1." + (i / 250) + "." + (i % 250), "194.80." + (10 + i % 3) + ".20", true)).toList();
        SignInGenerator log = new SignInGenerator(people, end.minus(Duration.ofDays(30)), end, 1_000_000, 0.01, 5, "none",
                "success");
        SignInAssessment assessment = new SignInAssessment(TestPolicies.nhsEngland(), Map.of(), ReachIndex.UNKNOWN, true);

        for (Iterator<SignInRecord> it = log.newestFirst(end.minus(Duration.ofDays(30)), end, null); it.hasNext();) {
            SignInRecord r = it.next();
            assessment.accept(new SignInEvent(r.id(), r.createdDateTime(), r.userId(), r.userPrincipalName(),
                    r.userDisplayName(), r.appDisplayName(), r.ipAddress(), r.place().city(), r.place().countryOrRegion(),
                    r.place().latitude(), r.place().longitude(), r.clientAppUsed(), r.errorCode(), r.additionalDetails(),
                    r.authenticationRequirement(), true), false);
        }
        SignInAssessment.Result result = assessment.finish();

        assertThat(result.events()).isEqualTo(1_000_000);
        assertThat(result.anomalies()).isEmpty();
        assertThat(result.baselines()).hasSize(2_000);
    }
}
