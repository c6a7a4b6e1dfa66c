package org.ward.connector.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.ward.connector.notifications.SubscriptionStore.State;
import org.ward.connector.notifications.SubscriptionStore.Watched;

/**
 * The {@code subscriptions} health contributor, part of the readiness probe: down when a watched drive's subscription
 * has expired, is overdue for renewal (less than half of {@code renew-before} left), or has kept failing for longer
 * than {@code failure-grace} — Ward would then miss changes. Drives whose first subscription is still being made
 * count as current.
 */
public class SubscriptionHealth implements HealthIndicator {

    private final SubscriptionStore store;
    private final SubscriptionSettings settings;
    private final Clock clock;

    public SubscriptionHealth(SubscriptionStore store, SubscriptionSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        Map<String, Object> byState = new LinkedHashMap<>();
        int stale = 0;
        String example = null;
        for (State state : State.values()) {
            byState.put(state.name().toLowerCase(Locale.ROOT).replace('_', '-'), 0L);
        }
        java.util.List<Watched> all;
        try {
            all = store.all();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "Ward cannot read its subscriptions: " + e.getMessage()).build();
        }
        for (Watched w : all) {
            byState.merge(w.state().name().toLowerCase(Locale.ROOT).replace('_', '-'), 1L, (a, b) -> (Long) a + (Long) b);
            String why = staleness(w, now);
            if (why != null) {
                stale++;
                example = example == null ? why : example;
            }
        }
        Health.Builder health = stale == 0 ? Health.up() : Health.down();
        health.withDetail("subscriptions", byState);
        if (stale > 0) {
            health.withDetail("notCurrent", stale).withDetail("example", example);
        }
        return health.build();
    }

    /** Why this drive's subscription is not current, or null when it is. */
    private String staleness(Watched w, Instant now) {
        if (w.expiresAt() != null && !w.expiresAt().isAfter(now) && w.state() != State.REMOVED) {
            return "drive " + w.driveId() + ": the subscription expired at " + w.expiresAt();
        }
        if (w.expiresAt() != null && w.state() == State.ACTIVE
                && !w.expiresAt().minus(settings.renewBefore().dividedBy(2)).isAfter(now)) {
            return "drive " + w.driveId() + ": the subscription was not renewed in time (expires " + w.expiresAt() + ")";
        }
        boolean failingLong = w.failingSince() != null && !w.failingSince().plus(settings.failureGrace()).isAfter(now);
        return failingLong ? "drive " + w.driveId() + ": " + w.lastError() : null;
    }
}
