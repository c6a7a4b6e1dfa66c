package org.ward.connector.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.notifications.SubscriptionStore.State;
import org.ward.connector.notifications.SubscriptionStore.Watched;
import org.ward.connector.notifications.collect.GraphSubscriptions;

/**
 * Keeps one live subscription on each watched drive: creates the missing ones (each with a client state of its own,
 * then a resync of the drive through delta, as Microsoft's scan guidance advises right after subscribing), renews
 * those that expire within {@code ward.subscriptions.renew-before}, recreates those Graph removed or let expire (and
 * resyncs the gap), reauthorizes on Graph's lifecycle event, deletes those of drives no longer watched, and paces
 * every call under Graph's limits. Failures wait and are retried with a growing delay.
 */
public class SubscriptionKeeper {

    /** What one upkeep did. */
    public record Upkeep(int created, int renewed, int removed, int failed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);
    private static final Duration LONGEST_WAIT = Duration.ofDays(1);

    private final SubscriptionStore store;
    private final GraphSubscriptions graph;
    private final WatchedDrives watched;
    private final ChangeOutbox outbox;
    private final WebhookSettings webhook;
    private final SubscriptionSettings settings;
    private final SubscriptionPacing pacing;
    private final Clock clock;

    public SubscriptionKeeper(SubscriptionStore store, GraphSubscriptions graph, WatchedDrives watched, ChangeOutbox outbox,
            WebhookSettings webhook, SubscriptionSettings settings, SubscriptionPacing pacing, Clock clock) {
        this.store = store;
        this.graph = graph;
        this.watched = watched;
        this.outbox = outbox;
        this.webhook = webhook;
        this.settings = settings;
        this.pacing = pacing;
        this.clock = clock;
        webhook.notificationUrl(); // ward.webhook.public-url is required: say so at start, not at the first upkeep
    }

    /** One round of upkeep over every watched drive. Run by one instance at a time (the scheduler's lock). */
    public Upkeep maintain() throws InterruptedException {
        Instant now = clock.instant();
        Set<String> wanted = watched.drives();
        verify(now.minus(settings.verifyEvery()));
        Map<String, Watched> held = store.all().stream().collect(Collectors.toMap(Watched::driveId, Function.identity()));
        int created = 0;
        int renewed = 0;
        int removed = 0;
        int failed = 0;
        for (Watched w : held.values()) {
            if (!wanted.contains(w.driveId())) {
                if (w.subscriptionId() != null && w.state() != State.REMOVED) {
                    pacing.write();
                    try {
                        graph.delete(w.subscriptionId());
                    } catch (GraphAccessException e) {
                        LOG.warn("The subscription of drive {}, no longer watched, could not be deleted (it expires by"
                                + " itself): {}", w.driveId(), e.getMessage());
                    }
                }
                store.forget(w.driveId());
                removed++;
            }
        }
        for (String driveId : wanted) {
            Watched w = held.get(driveId);
            if (w != null && w.retryAt() != null && w.retryAt().isAfter(now)) {
                continue;
            }
            boolean missing = w == null || w.subscriptionId() == null || w.state() == State.REMOVED
                    || w.expiresAt() == null || !w.expiresAt().isAfter(now);
            if (missing) {
                if (create(driveId, w)) {
                    created++;
                } else {
                    failed++;
                }
            } else if (w.state() == State.REAUTHORIZATION_REQUIRED || w.state() == State.FAILED
                    || !w.expiresAt().minus(settings.renewBefore()).isAfter(now)) {
                switch (renew(w)) {
                    case RENEWED -> renewed++;
                    case GONE -> {
                        if (create(driveId, w)) {
                            created++;
                        } else {
                            failed++;
                        }
                    }
                    case FAILED -> failed++;
                }
            }
        }
        if (created + renewed + removed + failed > 0) {
            LOG.info("Subscriptions: {} created, {} renewed, {} no longer watched, {} failed ({} drives watched).", created,
                    renewed, removed, failed, wanted.size());
        }
        return new Upkeep(created, renewed, removed, failed);
    }

    /**
     * Graph's {@code reauthorizationRequired}: reauthorizes the subscription now (delivery pauses otherwise). The caller
     * resyncs the drive, since changes made while delivery was paused are never notified.
     */
    public void reauthorizationRequired(String driveId, String subscriptionId) throws InterruptedException {
        store.reauthorizationRequired(subscriptionId);
        pacing.reauthorization();
        try {
            graph.reauthorize(subscriptionId);
            store.reauthorized(subscriptionId);
        } catch (GraphAccessException e) {
            if (e.status() == 404) {
                store.removed(subscriptionId, "Graph no longer has the subscription: " + e.getMessage());
            } else {
                failed(driveId, store.find(driveId).map(Watched::failures).orElse(0), "Reauthorizing the subscription"
                        + " failed (a renewal is tried next): " + e.getMessage());
            }
        }
    }

    /** Graph's {@code subscriptionRemoved}: the next upkeep creates a new subscription and resyncs the drive. */
    public void removed(String subscriptionId) {
        store.removed(subscriptionId, "Graph removed the subscription (lifecycle event subscriptionRemoved).");
    }

    /**
     * Asks Graph whether it still has each subscription not confirmed since {@code before} (drives get no lifecycle
     * event when a subscription is deleted elsewhere, lost or expired early); those it does not have are recreated by
     * this upkeep, and their drives resynced. Returns how many were gone.
     */
    int verify(Instant before) throws InterruptedException {
        int gone = 0;
        for (Watched w : store.all()) {
            if (w.subscriptionId() == null || w.state() == State.REMOVED
                    || w.verifiedAt() != null && w.verifiedAt().isAfter(before)) {
                continue;
            }
            pacing.write();
            try {
                if (graph.exists(w.subscriptionId())) {
                    store.verified(w.subscriptionId(), clock.instant());
                } else {
                    store.removed(w.subscriptionId(), "Graph no longer has the subscription.");
                    LOG.info("Graph no longer has the subscription of drive {}: it is made again and the drive resynced.",
                            w.driveId());
                    gone++;
                }
            } catch (GraphAccessException e) {
                LOG.warn("The subscription of drive {} could not be checked: {}", w.driveId(), e.getMessage());
            }
        }
        return gone;
    }

    /** Asks for a resync of every watched drive (after Ward was down longer than Graph keeps retrying). */
    public int resyncAll() {
        List<String> drives = store.all().stream().filter(w -> w.subscriptionId() != null).map(Watched::driveId).toList();
        outbox.resync(drives, clock.instant());
        return drives.size();
    }

    private boolean create(String driveId, Watched previous) throws InterruptedException {
        Instant now = clock.instant();
        String clientState = ClientStates.fresh();
        GraphSubscriptions.Created created;
        pacing.write();
        try {
            created = graph.create(driveId, webhook.notificationUrl(), webhook.lifecycleUrl(), clientState,
                    now.plus(settings.lifetime()), settings.securityWebhooks());
        } catch (GraphAccessException e) {
            failed(driveId, previous == null ? 0 : previous.failures(), "Subscribing to drive " + driveId + " failed: "
                    + e.getMessage());
            return false;
        }
        try {
            store.created(driveId, created.id(), ClientStates.sha256(clientState), webhook.notificationUrl(),
                    settings.securityWebhooks(), created.expiresAt(), now);
        } catch (DataAccessException e) {
            // A subscription Ward cannot verify would only be discarded: better none.
            graph.delete(created.id());
            throw e;
        }
        // Whatever changed while the drive had no subscription, and Microsoft's advice to run delta right after
        // subscribing.
        outbox.resync(List.of(driveId), now);
        return true;
    }

    private enum Renewal { RENEWED, GONE, FAILED }

    private Renewal renew(Watched w) throws InterruptedException {
        Instant now = clock.instant();
        pacing.write();
        try {
            store.renewed(w.subscriptionId(), graph.renew(w.subscriptionId(), now.plus(settings.lifetime())), now);
            if (w.state() != State.ACTIVE) {
                // Delivery may have paused before this renewal reauthorized the subscription.
                outbox.resync(List.of(w.driveId()), now);
            }
            return Renewal.RENEWED;
        } catch (GraphAccessException e) {
            if (e.status() == 404) {
                store.removed(w.subscriptionId(), "Graph no longer has the subscription: " + e.getMessage());
                return Renewal.GONE;
            }
            failed(w.driveId(), w.failures(), "Renewing the subscription of drive " + w.driveId() + " failed: "
                    + e.getMessage());
            return Renewal.FAILED;
        }
    }

    private void failed(String driveId, int failuresSoFar, String sentence) {
        Duration wait = settings.retryAfter().multipliedBy(1L << Math.min(failuresSoFar, 16));
        if (wait.compareTo(LONGEST_WAIT) > 0 || wait.isNegative()) {
            wait = LONGEST_WAIT;
        }
        Instant now = clock.instant();
        store.failed(driveId, sentence, now.plus(wait), now);
        LOG.warn("{} Retried in {}.", sentence, wait);
    }
}
