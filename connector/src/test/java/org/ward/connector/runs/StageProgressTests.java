package org.ward.connector.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Each stage of a scan shows its own phase, what it counts and its ETA (issue 11 §5). */
class StageProgressTests {

    private final MovableClock clock = new MovableClock();
    private final StageProgress progress = new StageProgress(clock);

    @Test
    void aStageWithATotalEstimatesItsEndFromItsOwnPace() {
        progress.begin("reading who can reach recordings", "recordings", 400);
        clock.advance(Duration.ofSeconds(30));
        progress.advance(100);

        StageProgress.Snapshot now = progress.snapshot();

        assertThat(now.phase()).isEqualTo("reading who can reach recordings");
        assertThat(now.unit()).isEqualTo("recordings");
        assertThat(now.done()).isEqualTo(100);
        assertThat(now.total()).isEqualTo(400);
        assertThat(now.eta()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aNewStageStartsItsCountsAndClockAfresh() {
        progress.begin("reading who can reach recordings", "recordings", 10);
        clock.advance(Duration.ofMinutes(5));
        progress.advance(10);
        progress.begin("judging recordings in OneDrives against their approved copies", "recordings", 4);
        clock.advance(Duration.ofSeconds(2));
        progress.advance(1);

        StageProgress.Snapshot now = progress.snapshot();

        assertThat(now.done()).isEqualTo(1);
        assertThat(now.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(now.eta()).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void aStageWithoutATotalEstimatesFromTheShareOfItsWindowCovered() {
        progress.begin("identity: reading the sign-in log", "sign-ins", 0);
        clock.advance(Duration.ofSeconds(10));
        progress.covered(5_000, 0.25);

        StageProgress.Snapshot now = progress.snapshot();

        assertThat(now.done()).isEqualTo(5_000);
        assertThat(now.total()).isZero();
        assertThat(now.eta()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aPhaseThatCountsNothingHasNoEta() {
        progress.phase("looking for recordings left in OneDrives");
        clock.advance(Duration.ofSeconds(3));

        assertThat(progress.snapshot().unit()).isNull();
        assertThat(progress.snapshot().eta()).isNull();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
