package org.ward.connector.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.connector.graph.Sleeper;

/** Subscription calls stay under Graph's per-20-seconds limits for the subscriptions API, on a virtual clock. */
class SubscriptionPacingTests {

    /** A clock that only moves when the pacing sleeps. */
    private static final class VirtualTime extends Clock implements Sleeper {
        private Instant now = Instant.parse("2026-12-01T09:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }

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
    }

    private static SubscriptionSettings settings(int writes) {
        return new SubscriptionSettings("all", Duration.ofDays(3), Duration.ofDays(1), Duration.ofMinutes(1),
                Duration.ofHours(1), true, writes, 800, Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofMinutes(15));
    }

    @Test
    void writesBeyondTheWindowsShareWaitForTheOldestToLeaveIt() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        SubscriptionPacing pacing = new SubscriptionPacing(settings(400), time, time);

        for (int i = 0; i < 1_000; i++) {
            pacing.write();
        }

        // 1,000 creates at 400 per 20 s: two full windows waited, never more than 400 calls in any 20 seconds.
        assertThat(time.sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void reauthorizationsHaveAWindowOfTheirOwn() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        SubscriptionPacing pacing = new SubscriptionPacing(settings(1), time, time);

        pacing.write();
        for (int i = 0; i < 800; i++) {
            pacing.reauthorization();
        }

        assertThat(time.sleeps).isEmpty();
    }
}
