package org.ward.connector.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.graph.resilience.*}: the single retry layer, the concurrency cap, the client-side
 * resource-unit budget and the circuit breaker.
 *
 * @param maxConcurrentRequests requests in flight at once, across all threads
 * @param maxRetries            retries after the first attempt (429/503/504 and connection failures)
 * @param initialBackoff        first wait when Graph sends no {@code Retry-After}; doubles per attempt, with jitter
 * @param maxBackoff            cap of that exponential wait
 * @param maxRetryAfter         longest {@code Retry-After} Ward waits out; a longer one fails the call with a clear message
 * @param resourceUnitsPerMinute SharePoint/OneDrive budget per app per tenant (1,250 for tenants up to 1,000 licences)
 * @param resourceUnitMargin    share of that budget Ward uses, leaving headroom for costs it cannot see
 * @param requestTimeout        connect/read/write timeout of one attempt
 * @param breaker               circuit breaker thresholds
 */
public record ResilienceSettings(
        @DefaultValue("8") int maxConcurrentRequests,
        @DefaultValue("6") int maxRetries,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("60s") Duration maxBackoff,
        @DefaultValue("5m") Duration maxRetryAfter,
        @DefaultValue("1250") int resourceUnitsPerMinute,
        @DefaultValue("0.9") double resourceUnitMargin,
        @DefaultValue("100s") Duration requestTimeout,
        @DefaultValue BreakerSettings breaker) {

    public ResilienceSettings {
        atLeast("max-concurrent-requests", maxConcurrentRequests, 1, "how many Graph requests Ward may have in flight");
        if (maxRetries < 0 || maxRetries > 20) {
            throw new InvalidGraphSettingException("ward.graph.resilience.max-retries " + maxRetries
                    + " is outside 0..20: set how often Ward retries a throttled or failed request (default 6).");
        }
        positive("initial-backoff", initialBackoff);
        positive("max-backoff", maxBackoff);
        positive("max-retry-after", maxRetryAfter);
        positive("request-timeout", requestTimeout);
        atLeast("resource-units-per-minute", resourceUnitsPerMinute, 1,
                "the SharePoint/OneDrive resource units per minute your tenant's licence band allows (1250 up to 1,000 licences)");
        if (!(resourceUnitMargin > 0 && resourceUnitMargin <= 1)) {
            throw new InvalidGraphSettingException("ward.graph.resilience.resource-unit-margin " + resourceUnitMargin
                    + " is outside (0, 1]: set the share of the resource-unit budget Ward may use, e.g. 0.8.");
        }
        breaker = breaker == null ? BreakerSettings.defaults() : breaker;
    }

    /** The resource units Ward lets itself spend in any sliding minute. */
    public int resourceUnitLimit() {
        return Math.max(1, (int) Math.floor(resourceUnitsPerMinute * resourceUnitMargin));
    }

    public static ResilienceSettings defaults() {
        return new ResilienceSettings(8, 6, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5), 1250, 0.9,
                Duration.ofSeconds(100), BreakerSettings.defaults());
    }

    static void atLeast(String name, int value, int min, String meaning) {
        if (value < min) {
            throw new InvalidGraphSettingException("ward.graph.resilience." + name + " is " + value + ", below " + min
                    + ": set it to " + meaning + ".");
        }
    }

    static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidGraphSettingException("ward.graph.resilience." + name + " must be a positive duration "
                    + "such as 30s or 2m.");
        }
    }
}
