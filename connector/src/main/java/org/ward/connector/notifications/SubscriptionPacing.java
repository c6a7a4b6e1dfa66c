package org.ward.connector.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.ward.connector.graph.Sleeper;

/**
 * Keeps subscription calls under Graph's limits for the subscriptions API (per app and tenant, per 20 seconds: 500
 * creates, renewals and deletes; 1,000 reauthorizations): a call that would exceed the configured share of a window
 * waits until the oldest call in the window has left it. Graph's own 429s are still honoured by the Graph client.
 */
public final class SubscriptionPacing {

    private final Window writes;
    private final Window reauthorizations;

    public SubscriptionPacing(SubscriptionSettings settings, Clock clock, Sleeper sleeper) {
        this.writes = new Window(settings.writesPerWindow(), settings.window(), clock, sleeper);
        this.reauthorizations = new Window(settings.reauthorizationsPerWindow(), settings.window(), clock, sleeper);
    }

    /** Before a create, renewal or delete. */
    public void write() throws InterruptedException {
        writes.acquire();
    }

    /** Before a reauthorization. */
    public void reauthorization() throws InterruptedException {
        reauthorizations.acquire();
    }

    /** A sliding window of call times. */
    static final class Window {

        private final int limit;
        private final Duration length;
        private final Clock clock;
        private final Sleeper sleeper;
        private final Deque<Instant> calls = new ArrayDeque<>();

        Window(int limit, Duration length, Clock clock, Sleeper sleeper) {
            this.limit = limit;
            this.length = length;
            this.clock = clock;
            this.sleeper = sleeper;
        }

        synchronized void acquire() throws InterruptedException {
            while (true) {
                Instant now = clock.instant();
                while (!calls.isEmpty() && !calls.peekFirst().plus(length).isAfter(now)) {
                    calls.removeFirst();
                }
                if (calls.size() < limit) {
                    calls.addLast(now);
                    return;
                }
                sleeper.sleep(Duration.between(now, calls.peekFirst().plus(length)));
            }
        }
    }
}
