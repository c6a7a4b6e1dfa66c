package org.ward.connector.graph;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

/**
 * Stops calling Graph for a while when it keeps failing with server errors or broken connections, so a sick
 * service or network fails a scan fast and clearly instead of after hours of retries. Throttling (429, or 503
 * with {@code Retry-After}) is not failure: the tenant-wide pause handles it.
 */
final class GraphCircuitBreaker {

    private final CircuitBreaker breaker;
    private final String host;
    private final BreakerSettings settings;

    GraphCircuitBreaker(BreakerSettings settings, Clock clock, String host) {
        this.settings = settings;
        this.host = host;
        this.breaker = CircuitBreaker.of("graph", CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRatePercent())
                .slidingWindowSize(settings.window())
                .minimumNumberOfCalls(settings.minimumCalls())
                .waitDurationInOpenState(settings.openFor())
                .clock(clock)
                .build());
    }

    /** Throws a clear failure when the breaker is open and this request may not go out. */
    void admit(RequestLine line) {
        if (!breaker.tryAcquirePermission()) {
            throw new GraphAccessException("Graph at " + host + " keeps failing: after repeated server errors or "
                    + "connection failures Ward stopped calling it for " + settings.openFor().toSeconds()
                    + " s (circuit breaker open), so " + line + " was not sent; check Microsoft 365 service health "
                    + "and the network path to " + host + ", then run again.", null);
        }
    }

    void succeeded() {
        breaker.onSuccess(0, TimeUnit.NANOSECONDS);
    }

    void failed(Throwable failure) {
        breaker.onError(0, TimeUnit.NANOSECONDS, failure);
    }

    void failed(int status) {
        failed(new IOException("HTTP " + status));
    }

    /** The attempt says nothing about Graph's health (throttling); give the permission back unrecorded. */
    void neutral() {
        breaker.releasePermission();
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }
}
