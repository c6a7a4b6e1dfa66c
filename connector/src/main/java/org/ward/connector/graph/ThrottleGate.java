package org.ward.connector.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tenant-wide pause. Microsoft's guidance when SharePoint throttles: wait for {@code Retry-After} and
 * pause all threads for that tenant, because retrying meanwhile extends the throttling. One throttled answer
 * therefore holds back every request Ward is about to send, not only the one that was throttled.
 */
final class ThrottleGate {

    private final Clock clock;
    private final Sleeper sleeper;
    private final java.util.function.Consumer<Duration> paused;
    private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

    ThrottleGate(Clock clock, Sleeper sleeper) {
        this(clock, sleeper, added -> { });
    }

    /** @param paused told how much longer the gate stays closed each time a pause extends it */
    ThrottleGate(Clock clock, Sleeper sleeper, java.util.function.Consumer<Duration> paused) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.paused = paused;
    }

    /** Closes the gate for everyone until {@code wait} from now, unless it already stays closed longer. */
    void pauseFor(Duration wait) {
        Instant now = clock.instant();
        Instant until = now.plus(wait);
        Instant before = closedUntil.getAndAccumulate(until, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
        Instant from = before.isAfter(now) ? before : now;
        if (until.isAfter(from)) {
            paused.accept(Duration.between(from, until));
        }
    }

    /** Returns once the gate is open; waits through the sleeper while it is closed. */
    void awaitOpen() throws InterruptedException {
        while (true) {
            Duration left = Duration.between(clock.instant(), closedUntil.get());
            if (left.isNegative() || left.isZero()) {
                return;
            }
            sleeper.sleep(left);
        }
    }
}
