package org.ward.simulator.subscriptions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.TenantChanges;

import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's change notifications for drives: the subscriptions apps made, a notification for each change the
 * tenant's journal records (whether made through Graph or through {@link TenantChanges} in a test), lifecycle events,
 * and expiry. This is also the Java API tests use to trigger lifecycle events, tune delivery and read what was posted.
 */
public final class ChangeNotifications implements AutoCloseable {

    /** Graph's lifecycle events. Drives are documented to get only reauthorizationRequired. */
    public enum LifecycleEvent {
        reauthorizationRequired, subscriptionRemoved, missed
    }

    private final Tenant tenant;
    private final Notifier notifier;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private ScheduledFuture<?> sweeper;

    public ChangeNotifications(Tenant tenant, TenantChanges changes, NotificationSettings settings) {
        this.tenant = tenant;
        this.notifier = new Notifier(settings);
        changes.listen(this::changed);
        scheduleSweeps(settings);
    }

    private synchronized void scheduleSweeps(NotificationSettings settings) {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        long every = settings.sweepInterval().toMillis();
        try {
            sweeper = notifier.scheduler().scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            sweeper = null;
        }
    }

    // ---- the Java API ----

    public NotificationSettings settings() {
        return notifier.settings();
    }

    /** Changes how notifications are delivered from now on (delay, bursts, duplicates, loss, endpoint policy). */
    public void setSettings(NotificationSettings settings) {
        notifier.setSettings(settings);
        scheduleSweeps(settings);
    }

    /** The live subscriptions of every app. */
    public List<SubscriptionState> subscriptions() {
        Instant now = tenant.now();
        return subscriptions.values().stream().filter(s -> !s.expired(now)).map(Subscription::state).toList();
    }

    /** Everything the notifier did, in order: posts and their outcomes, and notifications it never posted. */
    public List<Delivery> deliveries() {
        return notifier.deliveries();
    }

    public void clearDeliveries() {
        notifier.clearDeliveries();
    }

    /** How the service judges a notification URL (answers, slow answers, healthy, throttled or dropping). */
    public EndpointHealth health(String notificationUrl) {
        return notifier.health(notificationUrl);
    }

    /**
     * Sends {@code reauthorizationRequired} (as Graph does when the app's token or consent needs renewing). Unless the
     * app then reauthorizes or renews the subscription, delivery pauses after the grace in the settings and changes
     * made while paused are never notified.
     *
     * @return false when the subscription has no lifecycle URL, so Graph could not tell the app
     */
    public boolean requireReauthorization(String subscriptionId) {
        Subscription s = live(subscriptionId);
        s.reauthorizationRequiredAt = tenant.now();
        return sendLifecycle(s, LifecycleEvent.reauthorizationRequired);
    }

    /**
     * Removes the subscription and sends {@code subscriptionRemoved}. Microsoft documents this event for Outlook and
     * Teams resources only; tests use it to check that an app copes if a drive ever gets it.
     *
     * @return false when the subscription has no lifecycle URL
     */
    public boolean removeSubscription(String subscriptionId) {
        Subscription s = live(subscriptionId);
        subscriptions.remove(s.id);
        return sendLifecycle(s, LifecycleEvent.subscriptionRemoved);
    }

    /**
     * Sends {@code missed}: notifications were lost and the app should resynchronise. Documented for Outlook resources
     * only; for tests of an app's resilience.
     *
     * @return false when the subscription has no lifecycle URL
     */
    public boolean reportMissed(String subscriptionId) {
        return sendLifecycle(live(subscriptionId), LifecycleEvent.missed);
    }

    /** Makes the subscription expire now: it stops delivering and disappears from Graph. */
    public void expire(String subscriptionId) {
        live(subscriptionId).expiration = tenant.now();
        sweep();
    }

    /**
     * Checks every subscription now (it also happens every sweep interval): expired ones are removed; those with a
     * lifecycle URL that are within the reauthorization lead of expiry get {@code reauthorizationRequired} once.
     */
    public void sweep() {
        Instant now = tenant.now();
        NotificationSettings settings = notifier.settings();
        for (Subscription s : subscriptions.values()) {
            if (s.expired(now)) {
                subscriptions.remove(s.id);
            } else if (!s.expiryWarned && s.lifecycleNotificationUrl != null
                    && !now.plus(settings.reauthorizationLead()).isBefore(s.expiration)) {
                s.expiryWarned = true;
                sendLifecycle(s, LifecycleEvent.reauthorizationRequired);
            }
        }
    }

    @Override
    public void close() {
        notifier.close();
    }

    // ---- what the routes use ----

    Notifier notifier() {
        return notifier;
    }

    Tenant tenant() {
        return tenant;
    }

    void add(Subscription subscription) {
        subscriptions.put(subscription.id, subscription);
    }

    /** A live subscription of the app, or null. */
    Subscription find(String id, String appId) {
        Subscription s = subscriptions.get(id);
        if (s == null || !s.applicationId.equals(appId)) {
            return null;
        }
        if (s.expired(tenant.now())) {
            subscriptions.remove(id);
            return null;
        }
        return s;
    }

    Collection<Subscription> ofApp(String appId) {
        Instant now = tenant.now();
        List<Subscription> mine = new ArrayList<>();
        for (Subscription s : subscriptions.values()) {
            if (s.applicationId.equals(appId) && !s.expired(now)) {
                mine.add(s);
            }
        }
        return mine;
    }

    void remove(String id) {
        subscriptions.remove(id);
    }

    /** Renewed or reauthorized: delivery resumes and the expiry warning is due again. */
    void reauthorized(Subscription s) {
        s.reauthorizationRequiredAt = null;
        s.expiryWarned = false;
    }

    // ---- notifying ----

    private Subscription live(String id) {
        Subscription s = subscriptions.get(id);
        if (s == null || s.expired(tenant.now())) {
            throw new IllegalArgumentException("No live subscription " + id);
        }
        return s;
    }

    /** Called by the tenant's journal for every change, under its write lock: only queues. */
    private void changed(Drive drive, Item item, boolean sharing) {
        if (subscriptions.isEmpty()) {
            return;
        }
        Instant now = tenant.now();
        NotificationSettings settings = notifier.settings();
        for (Subscription s : subscriptions.values()) {
            if (!s.driveId.equals(drive.id) || s.expired(now) || (sharing && !s.securityEvents)) {
                continue;
            }
            Notifier.Outgoing outgoing = new Notifier.Outgoing(s.notificationUrl, Delivery.Kind.CHANGE, s.id, changeEntry(s));
            Instant askedAt = s.reauthorizationRequiredAt;
            if (askedAt != null && !now.isBefore(askedAt.plus(settings.reauthorizationGrace()))) {
                notifier.paused(outgoing);
            } else {
                notifier.change(outgoing);
            }
        }
    }

    /**
     * A drive notification is a shoulder tap: no item, {@code resourceData} null; the app runs delta to learn what
     * changed.
     */
    private ObjectNode changeEntry(Subscription s) {
        ObjectNode entry = Json.object();
        entry.put("subscriptionId", s.id);
        Json.putDate(entry, "subscriptionExpirationDateTime", s.expiration);
        entry.put("changeType", "updated");
        entry.put("resource", s.resource.startsWith("/") ? s.resource.substring(1) : s.resource);
        entry.putNull("resourceData");
        entry.put("clientState", s.clientState);
        entry.put("tenantId", tenant.id);
        return entry;
    }

    private boolean sendLifecycle(Subscription s, LifecycleEvent event) {
        if (s.lifecycleNotificationUrl == null) {
            return false;
        }
        ObjectNode entry = Json.object();
        entry.put("subscriptionId", s.id);
        Json.putDate(entry, "subscriptionExpirationDateTime", s.expiration);
        entry.put("tenantId", tenant.id);
        entry.put("clientState", s.clientState);
        entry.put("lifecycleEvent", event.name());
        notifier.lifecycle(new Notifier.Outgoing(s.lifecycleNotificationUrl, Delivery.Kind.LIFECYCLE, s.id, entry));
        return true;
    }
}
