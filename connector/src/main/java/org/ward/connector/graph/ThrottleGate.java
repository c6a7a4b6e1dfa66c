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
    private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

    ThrottleGate(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Closes the gate for everyone until {@code wait} from now, unless it already stays closed longer. */
    void pauseFor(Duration wait) {
        Instant until = clock.instant().plus(wait);
        closedUntil.accumulateAndGet(until, (current, proposed) -> proposed.isAfter(current) ? proposed : current);
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
