package org.ward.connector.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * ward serve's figures, exported with the rest of Micrometer's (Prometheus at /actuator/prometheus): notifications
 * received, accepted, discarded (by reason) and processed, the endpoint's answer time, drive refreshes, the backlog and
 * its lag, and subscriptions by state. Gauges that read the database report NaN while it cannot be read.
 */
public class NotificationMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Timer response;

    public NotificationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("ward.notifications.received")
                .description("Change and lifecycle notifications received from Graph").register(registry);
        this.response = Timer.builder("ward.notifications.response")
                .description("Time from a notification request's complete body to Ward's answer")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
    }

    void received(int count) {
        received.increment(count);
    }

    void accepted(List<ChangeOutbox.NewChange> changes) {
        for (ChangeOutbox.NewChange change : changes) {
            counter("ward.notifications.accepted", "Notifications recorded in the outbox", change.kind()).increment();
        }
    }

    void discarded(String reason, int count) {
        if (count > 0) {
            Counter.builder("ward.notifications.discarded")
                    .description("Notifications dropped: unknown subscription, wrong or missing client state, malformed,"
                            + " oversized or too slow")
                    .tag("reason", reason).register(registry).increment(count);
        }
    }

    /** A request refused before its notifications could be read (too large, too slow). */
    public void refused(String reason) {
        discarded(reason, 1);
    }

    public void answered(Duration took) {
        response.record(took);
    }

    /** Changes a drive refresh covered. */
    public void processed(List<ChangeOutbox.Change> changes) {
        for (ChangeOutbox.Change change : changes) {
            counter("ward.notifications.processed", "Outbox rows covered by a completed drive refresh", change.kind())
                    .increment();
        }
    }

    /** One drive refresh and how it ended ({@code refreshed}, {@code unchanged}, {@code unknown-drive}, {@code failed}). */
    public void refreshed(String outcome, Duration took) {
        Timer.builder("ward.drive.refreshes").description("Drive refreshes after notifications: delta, checks, findings")
                .tag("outcome", outcome).register(registry).record(took);
    }

    /** Registers a gauge read on each scrape; NaN when the reading fails (the database is down). */
    public void gauge(String name, String description, Supplier<Number> reading, String... tags) {
        Gauge.builder(name, () -> {
            try {
                Number value = reading.get();
                return value == null ? Double.NaN : value.doubleValue();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }).description(description).tags(tags).register(registry);
    }

    /** Seconds since an instant, 0 when there is none. */
    public static double secondsSince(Instant then, Instant now) {
        return then == null ? 0 : Math.max(0, Duration.between(then, now).toMillis() / 1000.0);
    }

    private Counter counter(String name, String description, ChangeOutbox.Kind kind) {
        return Counter.builder(name).description(description).tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
