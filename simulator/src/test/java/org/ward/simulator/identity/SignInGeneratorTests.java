package org.ward.simulator.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.ward.simulator.tenant.SignInRecord;

/** The sign-in generator: deterministic, exact in volume, newest first, resumable, and free of anomalies. */
class SignInGeneratorTests {

    static final Instant END = Instant.parse("2026-11-20T12:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(30));

    static SignInGenerator generator(int users, long total, long seed) {
        List<SignInGenerator.Person> people = IntStream.range(0, users).mapToObj(i -> new SignInGenerator.Person(
                "id-" + i, "user" + i + "@example.nhs.uk", "User " + i, Places.named(i % 2 == 0 ? "Leeds" : "Bristol"),
                "81.0.0." + (i % 250), "194.80.10.20", true)).toList();
        return new SignInGenerator(people, START, END, total, 0.01, seed, "none", "success");
    }

    static List<SignInRecord> take(Iterator<SignInRecord> it, int n) {
        List<SignInRecord> out = new ArrayList<>();
        while (it.hasNext() && out.size() < n) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameLog() {
        List<SignInRecord> first = take(generator(50, 20_000, 7).newestFirst(START, END, null), 500);
        List<SignInRecord> again = take(generator(50, 20_000, 7).newestFirst(START, END, null), 500);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void streamsExactlyAMillionSignInsNewestFirst() {
        SignInGenerator generator = generator(2_000, 1_000_000, 3);
        long count = 0;
        Instant previous = Instant.MAX;
        for (Iterator<SignInRecord> it = generator.newestFirst(START, END, null); it.hasNext(); count++) {
            SignInRecord record = it.next();
            assertThat(record.createdDateTime()).isBeforeOrEqualTo(previous);
            previous = record.createdDateTime();
        }

        assertThat(count).isEqualTo(1_000_000).isEqualTo(generator.total());
    }

    @Test
    void resumesStrictlyAfterTheLastSignInReturned() {
        SignInGenerator generator = generator(50, 20_000, 7);
        List<SignInRecord> firstTwoPages = take(generator.newestFirst(START, END, null), 200);

        List<SignInRecord> secondPage = take(generator.newestFirst(START, END, firstTwoPages.get(99)), 100);

        assertThat(secondPage).isEqualTo(firstTwoPages.subList(100, 200));
    }

    @Test
    void keepsEveryoneInTheirHomeCityAndNeverUsesALegacyClient() {
        List<SignInRecord> sample = take(generator(50, 20_000, 11).newestFirst(START, END, null), 20_000);

        assertThat(sample).allSatisfy(s -> {
            assertThat(s.place().countryOrRegion()).isEqualTo("GB");
            assertThat(s.clientAppUsed()).isIn("Browser", "Mobile Apps and Desktop clients");
            assertThat(s.errorCode()).isIn(0, 50126);
        });
        assertThat(sample.stream().filter(s -> s.userId().equals("id-0")).map(s -> s.place().city()).distinct())
                .containsExactly("Leeds");
    }
}
