package org.ward.simulator.throttle;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * Response latency: a mean and a spread, drawn per request. Off means answers as fast as the machine allows.
 *
 * @param mean the mean latency; zero turns latency off
 * @param spread the fraction of the mean by which a draw may differ either way (0 to 1)
 */
public record Latency(Duration mean, double spread) {

    /** Microsoft Graph answers simple SharePoint reads in roughly 50–150 ms from a nearby region. */
    public static final Latency REALISTIC = new Latency(Duration.ofMillis(90), 0.5);
    public static final Latency OFF = new Latency(Duration.ZERO, 0);

    public long drawMillis(SplittableRandom random) {
        long meanMillis = this.mean.toMillis();
        if (meanMillis <= 0) {
            return 0;
        }
        double factor = 1 + spread * (random.nextDouble() * 2 - 1);
        return Math.max(0, Math.round(meanMillis * factor));
    }
}
