package org.ward.simulator.throttle;

import java.time.Duration;

/**
 * One budget: so many units per window, and whether refusals carry {@code Retry-After}
 * (identity protection and conditional access famously do not).
 *
 * @param units units allowed in the window
 * @param window the window length
 * @param sendsRetryAfter whether a 429 from this budget carries Retry-After
 */
public record Budget(long units, Duration window, boolean sendsRetryAfter) {

    /**
     * Microsoft's SharePoint per-app budget by licence count: 1,250 / 2,500 / 3,750 / 5,000 / 6,250 resource units
     * per minute for tenants up to 1k / 5k / 15k / 50k / more licences.
     */
    public static Budget sharePointFor(int licences) {
        long perMinute = licences <= 1_000 ? 1_250 : licences <= 5_000 ? 2_500 : licences <= 15_000 ? 3_750
                : licences <= 50_000 ? 5_000 : 6_250;
        return new Budget(perMinute, Duration.ofMinutes(1), true);
    }

    /** The directory token bucket per app and tenant: 3,500 / 5,000 / 8,000 units per 10 s by user count. */
    public static Budget directoryFor(int users) {
        long units = users < 50 ? 3_500 : users <= 500 ? 5_000 : 8_000;
        return new Budget(units, Duration.ofSeconds(10), true);
    }

    /** Identity and access reports: 5 requests per 10 seconds per app per tenant. */
    public static Budget reports() {
        return new Budget(5, Duration.ofSeconds(10), true);
    }

    /** Identity protection and conditional access: 1 request per second per tenant, without Retry-After. */
    public static Budget identityProtection() {
        return new Budget(1, Duration.ofSeconds(1), false);
    }
}
