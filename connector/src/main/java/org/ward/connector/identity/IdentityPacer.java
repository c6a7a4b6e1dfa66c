package org.ward.connector.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.Sleeper;

/**
 * Keeps identity calls under Microsoft's per-tenant limits, which the graph layer's resource-unit budget does not
 * cover: each lane allows so many requests per window, counted from when each answer arrived (the service counts
 * arrivals, and an answer arrives after its request), plus a small margin. A request that would exceed the budget
 * waits, through the injected sleeper, for the oldest to leave the window.
 */
public final class IdentityPacer {

    /** The identity budgets. */
    public enum Lane {
        /** Identity and access reports: sign-ins, registration details. */
        REPORTS(Duration.ofSeconds(10)),
        /** Identity Protection and Conditional Access: per tenant, refused without Retry-After. */
        PROTECTION(Duration.ofSeconds(1));

        final Duration window;

        Lane(Duration window) {
            this.window = window;
        }
    }

    /** Covers clock skew and the service's counting in 100 ms slots. */
    static final Duration MARGIN = Duration.ofMillis(150);

    private final Map<Lane, Integer> budgets = new EnumMap<>(Lane.class);
    private final Map<Lane, ArrayDeque<Instant>> done = new EnumMap<>(Lane.class);
    private final Map<Lane, Integer> inFlight = new EnumMap<>(Lane.class);
    private final Clock clock;
    private final Sleeper sleeper;

    public IdentityPacer(IdentitySettings settings, Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
        budgets.put(Lane.REPORTS, settings.reportsBudget());
        budgets.put(Lane.PROTECTION, settings.protectionBudget());
        for (Lane lane : Lane.values()) {
            done.put(lane, new ArrayDeque<>());
            inFlight.put(lane, 0);
        }
    }

    /** Runs one request in the lane, waiting first if the lane's budget is spent. */
    public <T> T call(Lane lane, Supplier<T> request) {
        await(lane);
        try {
            return request.get();
        } finally {
            synchronized (this) {
                inFlight.merge(lane, -1, Integer::sum);
                done.get(lane).addLast(clock.instant());
            }
        }
    }

    private void await(Lane lane) {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                ArrayDeque<Instant> recent = done.get(lane);
                while (!recent.isEmpty() && !recent.peekFirst().plus(lane.window).plus(MARGIN).isAfter(now)) {
                    recent.pollFirst();
                }
                if (recent.size() + inFlight.get(lane) < budgets.get(lane)) {
                    inFlight.merge(lane, 1, Integer::sum);
                    return;
                }
                wait = recent.isEmpty() ? lane.window : Duration.between(now, recent.peekFirst().plus(lane.window).plus(MARGIN));
            }
            try {
                sleeper.sleep(wait.isNegative() || wait.isZero() ? Duration.ofMillis(1) : wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphAccessException("Ward was interrupted while pacing identity requests.", e);
            }
        }
    }
}
