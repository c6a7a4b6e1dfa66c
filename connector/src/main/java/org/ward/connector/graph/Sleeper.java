package org.ward.connector.graph;

import java.time.Duration;

/**
 * Every wait the Graph layer makes (Retry-After, backoff, tenant-wide pause, resource-unit budget) goes
 * through this, so tests can record waits and advance a virtual clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Really waits. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }
}
