package org.ward.connector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The identity pacer on a clock the sleeper moves: Microsoft's budgets kept, counted from each answer's arrival. */
class IdentityPacerTests {

    /** A clock that only moves when the pacer sleeps or a request takes time. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        final List<Duration> slept = new ArrayList<>();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        void sleep(Duration d) {
            slept.add(d);
            now = now.plus(d);
        }
    }

    final MovingClock clock = new MovingClock();
    final IdentityPacer pacer = new IdentityPacer(IdentitySettings.defaults(), clock, clock::sleep);

    private List<Instant> send(IdentityPacer.Lane lane, int requests, Duration each) {
        List<Instant> started = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            pacer.call(lane, () -> {
                started.add(clock.now);
                clock.now = clock.now.plus(each);
                return null;
            });
        }
        return started;
    }

    @Test
    void sendsFiveReportRequestsAtOnceThenWaitsForTheWindow() {
        List<Instant> started = send(IdentityPacer.Lane.REPORTS, 6, Duration.ofMillis(200));

        assertThat(Duration.between(started.get(0), started.get(4))).isLessThan(Duration.ofSeconds(1));
        assertThat(Duration.between(started.get(0).plusMillis(200), started.get(5)))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void neverHasMoreThanFiveReportRequestsInAnyTenSeconds() {
        List<Instant> started = send(IdentityPacer.Lane.REPORTS, 40, Duration.ofMillis(300));

        for (int i = 5; i < started.size(); i++) {
            assertThat(Duration.between(started.get(i - 5), started.get(i))).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }

    @Test
    void spacesIdentityProtectionRequestsMoreThanASecondApart() {
        List<Instant> started = send(IdentityPacer.Lane.PROTECTION, 4, Duration.ofMillis(120));

        for (int i = 1; i < started.size(); i++) {
            assertThat(Duration.between(started.get(i - 1), started.get(i))).isGreaterThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void keepsTheLanesApart() {
        send(IdentityPacer.Lane.PROTECTION, 1, Duration.ofMillis(100));

        send(IdentityPacer.Lane.REPORTS, 5, Duration.ofMillis(100));

        assertThat(clock.slept).isEmpty();
    }
}
