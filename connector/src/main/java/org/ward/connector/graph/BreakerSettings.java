package org.ward.connector.graph;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.graph.resilience.breaker.*}: when Graph keeps failing (5xx without {@code Retry-After},
 * connection failures), stop calling it for a while instead of piling retries onto a sick service.
 *
 * @param failureRatePercent share of failed attempts in the window that opens the breaker
 * @param window             attempts the failure rate is measured over
 * @param minimumCalls       attempts needed before the rate counts
 * @param openFor            how long the breaker stays open before letting trial calls through
 */
public record BreakerSettings(
        @DefaultValue("50") int failureRatePercent,
        @DefaultValue("20") int window,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("30s") Duration openFor) {

    public BreakerSettings {
        if (failureRatePercent < 1 || failureRatePercent > 100) {
            throw new InvalidGraphSettingException("ward.graph.resilience.breaker.failure-rate-percent "
                    + failureRatePercent + " is outside 1..100: set the failure percentage that opens the breaker, e.g. 50.");
        }
        ResilienceSettings.atLeast("breaker.window", window, 1, "the number of attempts the failure rate is measured over");
        ResilienceSettings.atLeast("breaker.minimum-calls", minimumCalls, 1, "the attempts needed before the rate counts");
        ResilienceSettings.positive("breaker.open-for", openFor);
    }

    public static BreakerSettings defaults() {
        return new BreakerSettings(50, 20, 10, Duration.ofSeconds(30));
    }
}
