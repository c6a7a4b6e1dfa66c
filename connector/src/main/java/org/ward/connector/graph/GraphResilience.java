package org.ward.connector.graph;

import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import okhttp3.Interceptor;

/**
 * The shared state of Ward's single resilience layer for one tenant: the tenant-wide pause, the resource-unit
 * budget, the concurrency cap, the circuit breaker and the traffic counters. The OkHttp interceptor and the
 * {@code $batch} helper both use it, so a throttle seen by either holds back both.
 */
public final class GraphResilience {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResilienceInterceptor.class);

    private final ResilienceSettings settings;
    private final GraphEndpoints endpoints;
    private final GraphTraffic traffic;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ThrottleGate gate;
    private final ResourceUnitLimiter limiter;
    private final GraphCircuitBreaker breaker;
    private final Semaphore permits;
    private final RetryTiming timing;
    private final ResourceUnitCosts costs;
    private final JsonBodyCheck jsonCheck;

    public GraphResilience(GraphSettings settings, GraphTraffic traffic, Clock clock, Sleeper sleeper) {
        this(settings, traffic, clock, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a fixed jitter source, for tests that assert exact backoff waits. */
    public GraphResilience(GraphSettings settings, GraphTraffic traffic, Clock clock, Sleeper sleeper,
            DoubleSupplier jitter) {
        this.settings = settings.resilience();
        this.endpoints = settings.endpoints();
        this.traffic = traffic;
        this.clock = clock;
        this.sleeper = sleeper;
        this.gate = new ThrottleGate(clock, sleeper, traffic::throttledWait);
        this.limiter = new ResourceUnitLimiter(this.settings.resourceUnitLimit(), clock, sleeper);
        this.breaker = new GraphCircuitBreaker(this.settings.breaker(), clock, endpoints.graphHost());
        this.permits = new Semaphore(this.settings.maxConcurrentRequests(), true);
        this.timing = new RetryTiming(clock, this.settings.initialBackoff(), this.settings.maxBackoff(), jitter);
        this.costs = new ResourceUnitCosts(endpoints.graphHost(), endpoints.basePath());
        this.jsonCheck = new JsonBodyCheck(endpoints.graphHost());
    }

    /** The interceptor that takes the place of Kiota's {@code RetryHandler}. */
    public Interceptor interceptor() {
        return new ResilienceInterceptor(this, null);
    }

    public GraphTraffic traffic() {
        return traffic;
    }

    /** Resource units booked in the last sliding minute. */
    public int resourceUnitsInWindow() {
        return limiter.spentInWindow();
    }

    /** Counts a retry, says why, and waits before it. */
    void retryAfter(Duration wait, RequestLine line, String reason) throws InterruptedIOException {
        traffic.retried(1);
        LOG.info("Retrying {} in {} after {}", line, wait, reason);
        sleep(wait, line);
    }

    void sleep(Duration wait, RequestLine line) throws InterruptedIOException {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted(line);
        }
    }

    void awaitTurn(int units, RequestLine line) throws InterruptedIOException {
        try {
            gate.awaitOpen();
            limiter.acquire(units);
        } catch (InterruptedException e) {
            throw interrupted(line);
        }
        traffic.resourceUnits(units);
    }

    void acquirePermit(RequestLine line) throws InterruptedIOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            throw interrupted(line);
        }
    }

    void releasePermit() {
        permits.release();
    }

    private static InterruptedIOException interrupted(RequestLine line) {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while waiting to send " + line);
    }

    ResilienceSettings settings() {
        return settings;
    }

    GraphEndpoints endpoints() {
        return endpoints;
    }

    Clock clock() {
        return clock;
    }

    ThrottleGate gate() {
        return gate;
    }

    GraphCircuitBreaker breaker() {
        return breaker;
    }

    RetryTiming timing() {
        return timing;
    }

    ResourceUnitCosts costs() {
        return costs;
    }

    JsonBodyCheck jsonCheck() {
        return jsonCheck;
    }
}
