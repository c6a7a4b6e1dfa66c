package org.ward.connector.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps Ward under its SharePoint/OneDrive resource-unit budget before Graph has to throttle it: a sliding
 * one-minute window of the units spent, and a request that would take the window over
 * {@code budget × margin} waits until enough older spending has left the window.
 */
final class ResourceUnitLimiter {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private record Spend(Instant at, int units) {
    }

    private final int limit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Spend> window = new ArrayDeque<>();
    private int spent;

    ResourceUnitLimiter(int limit, Clock clock, Sleeper sleeper) {
        this.limit = limit;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until {@code units} fit into the window, then books them. */
    void acquire(int units) throws InterruptedException {
        if (units <= 0) {
            return;
        }
        while (true) {
            Duration wait = tryBook(units);
            if (wait.isZero()) {
                return;
            }
            sleeper.sleep(wait);
        }
    }

    /** Units booked in the last minute. */
    synchronized int spentInWindow() {
        evict(clock.instant());
        return spent;
    }

    private synchronized Duration tryBook(int units) {
        Instant now = clock.instant();
        evict(now);
        // A single request larger than the whole limit (a big $batch) goes alone into an empty window.
        if (spent + units <= limit || window.isEmpty()) {
            window.addLast(new Spend(now, units));
            spent += units;
            return Duration.ZERO;
        }
        int stillSpent = spent;
        for (Spend spend : window) {
            stillSpent -= spend.units();
            if (stillSpent + units <= limit) {
                return Duration.between(now, spend.at().plus(WINDOW));
            }
        }
        return Duration.between(now, window.peekLast().at().plus(WINDOW));
    }

    private void evict(Instant now) {
        while (!window.isEmpty() && !window.peekFirst().at().plus(WINDOW).isAfter(now)) {
            spent -= window.removeFirst().units();
        }
    }
}
