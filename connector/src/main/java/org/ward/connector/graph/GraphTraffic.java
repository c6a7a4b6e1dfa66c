package org.ward.connector.graph;

import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts Graph traffic as it goes over the wire: Micrometer counters {@code ward.graph.requests}
 * (tags {@code method}, {@code status}), {@code ward.graph.resource.units}, {@code ward.graph.throttled} and
 * {@code ward.graph.retries}, plus an in-memory {@link Snapshot} for progress lines and benchmarks.
 */
public final class GraphTraffic {

    /**
     * Totals since start: attempts on the wire, resource units spent, throttled answers, retries sent, how long every
     * Graph request was held by throttling (the tenant-wide pauses Graph asked for, end to end), and faults met
     * (broken connections, answers cut off or unreadable, 5xx).
     */
    public record Snapshot(long requests, long resourceUnits, long throttled, long retries, long throttledWaitMillis,
            long faults) {

        /** What happened between an earlier snapshot and this one. */
        public Snapshot since(Snapshot earlier) {
            return new Snapshot(requests - earlier.requests, resourceUnits - earlier.resourceUnits,
                    throttled - earlier.throttled, retries - earlier.retries,
                    throttledWaitMillis - earlier.throttledWaitMillis, faults - earlier.faults);
        }
    }

    private final MeterRegistry registry;
    private final LongAdder requests = new LongAdder();
    private final LongAdder resourceUnits = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttledWaitMillis = new LongAdder();
    private final LongAdder faults = new LongAdder();
    private final Counter unitCounter;
    private final Counter throttledCounter;
    private final Counter retryCounter;

    public GraphTraffic(MeterRegistry registry) {
        this.registry = registry;
        this.unitCounter = Counter.builder("ward.graph.resource.units")
                .description("SharePoint/OneDrive resource units Ward spent, as Microsoft prices them").register(registry);
        this.throttledCounter = Counter.builder("ward.graph.throttled")
                .description("Graph answers that throttled Ward (429, 503), including inside $batch").register(registry);
        this.retryCounter = Counter.builder("ward.graph.retries")
                .description("Graph requests Ward sent again after a throttle or failure").register(registry);
    }

    public Snapshot snapshot() {
        return new Snapshot(requests.sum(), resourceUnits.sum(), throttled.sum(), retries.sum(), throttledWaitMillis.sum(),
                faults.sum());
    }

    /** One attempt on the wire; {@code statusClass} is {@code 2xx}…{@code 5xx} or {@code io_error}. */
    void request(String method, String statusClass) {
        requests.increment();
        Counter.builder("ward.graph.requests").description("Graph requests on the wire, per attempt")
                .tag("method", method).tag("status", statusClass).register(registry).increment();
    }

    void resourceUnits(int units) {
        if (units > 0) {
            resourceUnits.add(units);
            unitCounter.increment(units);
        }
    }

    void throttled() {
        throttled.increment();
        throttledCounter.increment();
    }

    void retried(int count) {
        retries.add(count);
        retryCounter.increment(count);
    }

    /** The tenant-wide pause grew by this much (overlapping pauses count once). */
    void throttledWait(java.time.Duration added) {
        if (!added.isNegative() && !added.isZero()) {
            throttledWaitMillis.add(added.toMillis());
        }
    }

    /** A fault met: a broken connection, an answer cut off or unreadable, a 5xx. */
    void fault() {
        faults.increment();
    }

    static String statusClass(int status) {
        return (status / 100) + "xx";
    }
}
