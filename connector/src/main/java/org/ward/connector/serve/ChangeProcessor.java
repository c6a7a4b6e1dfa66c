package org.ward.connector.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.ward.connector.alerts.AlertService;
import org.ward.connector.notifications.ChangeOutbox;
import org.ward.connector.notifications.ChangeOutbox.Change;
import org.ward.connector.notifications.ChangeOutbox.Kind;
import org.ward.connector.notifications.NotificationMetrics;
import org.ward.connector.notifications.SubscriptionKeeper;
import org.ward.connector.scan.DriveRefresh;

/**
 * Turns the outbox into findings. When changes recorded here fall due, and every {@code ward.serve.poll}, it takes the
 * drives whose oldest change has waited {@code ward.serve.coalesce} (so a burst becomes one refresh), and for each, on
 * one of {@code ward.serve.workers} threads: claims the drive (one worker in the whole deployment at a time), acts on lifecycle events (reauthorize;
 * mark a removed subscription for re-creation), refreshes the drive through the scan's own path ({@link DriveRefresh}),
 * and deletes the changes the refresh covered. Duplicates and replays cost one delta round that finds nothing. A failed
 * refresh keeps its changes and waits, doubling, before the next try. While a full scan runs anywhere, refreshes wait:
 * one writer per drive.
 *
 * <p>Stopping waits {@code ward.serve.shutdown-grace} for refreshes in flight, then hands the rest back: their claims
 * are rolled back and their changes stay in the outbox for the next instance or start.
 */
public class ChangeProcessor implements SmartLifecycle {

    static final String SCAN_LOCK = "ward-scan";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeProcessor.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private final ChangeOutbox outbox;
    private final DriveRefresh refresh;
    private final SubscriptionKeeper subscriptions;
    private final NotificationMetrics metrics;
    private final DatabaseStart database;
    private final ScheduleLocks locks;
    private final ServeSettings settings;
    private final Clock clock;
    private final AlertService alerts;
    private final java.util.concurrent.atomic.AtomicBoolean alertRoundAsked = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile ExecutorService alerting;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<ChangeOutbox.Claim> claims = ConcurrentHashMap.newKeySet();
    private final AtomicInteger localScans = new AtomicInteger();
    private final Semaphore free;
    private volatile ScheduledExecutorService dispatcher;
    private volatile ExecutorService workers;
    private volatile boolean running;
    private volatile boolean listening;
    private static final long WAKE_SLOT_MILLIS = 50;
    private final Set<Long> wakes = ConcurrentHashMap.newKeySet();

    public ChangeProcessor(ChangeOutbox outbox, DriveRefresh refresh, SubscriptionKeeper subscriptions,
            NotificationMetrics metrics, DatabaseStart database, ScheduleLocks locks, ServeSettings settings, Clock clock,
            AlertService alerts) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.refresh = refresh;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        this.database = database;
        this.locks = locks;
        this.settings = settings;
        this.clock = clock;
        this.free = new Semaphore(settings.workers());
    }

    /** A full scan starts in this instance: refreshes wait until it ends. */
    void scanStarted() {
        localScans.incrementAndGet();
    }

    void scanEnded() {
        localScans.decrementAndGet();
    }

    @Override
    public void start() {
        workers = Executors.newFixedThreadPool(settings.workers(), daemon("ward-refresh-"));
        dispatcher = Executors.newSingleThreadScheduledExecutor(daemon("ward-outbox"));
        alerting = Executors.newSingleThreadExecutor(daemon("ward-alerts"));
        running = true;
        dispatcher.scheduleWithFixedDelay(this::dispatch, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
        if (!listening) {
            listening = true;
            outbox.whenAdded(this::dueAt);
        }
    }

    /**
     * Changes arrived here: looks at the outbox when they are due ({@code coalesce} later) rather than at the next poll.
     * Arrivals within one 50 ms slot share one look.
     */
    private void dueAt(Instant receivedAt) {
        ScheduledExecutorService d = dispatcher;
        if (!running || d == null) {
            return;
        }
        long due = receivedAt.plus(settings.coalesce()).toEpochMilli();
        long slot = due / WAKE_SLOT_MILLIS;
        if (!wakes.add(slot)) {
            return;
        }
        // The slot's end, so every change of the slot has waited its full coalesce.
        long delay = Math.max(0, (slot + 1) * WAKE_SLOT_MILLIS - clock.millis());
        try {
            d.schedule(() -> {
                wakes.remove(slot);
                dispatch();
            }, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            wakes.remove(slot);
        }
    }

    /** One look at the outbox: hands due drives to free workers. */
    void dispatch() {
        try {
            if (!running || !database.ready() || localScans.get() > 0 || locks.held(SCAN_LOCK)) {
                return;
            }
            Instant now = clock.instant();
            for (ChangeOutbox.PendingDrive due : outbox.due(now.minus(settings.coalesce()), now, settings.workers() * 4)) {
                if (!running || inFlight.contains(due.driveId())) {
                    continue;
                }
                if (!free.tryAcquire()) {
                    return;
                }
                inFlight.add(due.driveId());
                try {
                    workers.execute(() -> {
                        try {
                            process(due.driveId());
                        } finally {
                            inFlight.remove(due.driveId());
                            free.release();
                            again();
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException stopping) {
                    inFlight.remove(due.driveId());
                    free.release();
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("The outbox could not be read: {}", e.getMessage());
        }
    }

    /** A worker is free: look at the outbox now rather than at the next poll, so a backlog drains without gaps. */
    private void again() {
        ScheduledExecutorService d = dispatcher;
        if (running && d != null) {
            try {
                d.execute(this::dispatch);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // Stopping: nothing more to hand out.
            }
        }
    }

    /** Claims the drive and refreshes it; the changes go only if the refresh completes. */
    void process(String driveId) {
        Optional<ChangeOutbox.Claim> taken = outbox.claim(driveId);
        if (taken.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try (ChangeOutbox.Claim claim = taken.get()) {
            claims.add(claim);
            try {
                List<Change> changes = claim.changes();
                if (changes.isEmpty()) {
                    return;
                }
                lifecycle(driveId, changes);
                DriveRefresh.Outcome outcome = refresh.refresh(driveId);
                claim.complete(clock.instant());
                metrics.processed(changes);
                metrics.refreshed(!outcome.known() ? "unknown-drive" : outcome.evaluated() ? "refreshed" : "unchanged",
                        Duration.ofNanos(System.nanoTime() - started));
                if (outcome.evaluated()) {
                    alertSoon();
                }
                if (!outcome.known()) {
                    LOG.info("Drive {} is not in Ward's latest discovery: its changes wait for the next full scan.", driveId);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Duration wait = settings.retryAfter().multipliedBy(1L << Math.min(claim.failuresSoFar(), 16));
                wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
                metrics.refreshed("failed", Duration.ofNanos(System.nanoTime() - started));
                LOG.warn("Refreshing drive {} failed; its {} change(s) are kept and tried again in {}: {}", driveId,
                        claim.changes().size(), wait, e.getMessage());
                if (running) {
                    claim.failed(e.getMessage(), clock.instant().plus(wait));
                }
            } finally {
                claims.remove(claim);
            }
        }
    }

    /**
     * Asks for an alert round (issue 15: a new or reopened finding is alerted from the webhook service too) on a thread
     * of its own, so a slow channel never holds a refresh worker; asks made while one is pending fold into it.
     */
    private void alertSoon() {
        ExecutorService a = alerting;
        if (a == null || !alertRoundAsked.compareAndSet(false, true)) {
            return;
        }
        try {
            a.execute(() -> {
                alertRoundAsked.set(false);
                alerts.afterFindingsChanged(clock.instant());
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            alertRoundAsked.set(false); // the next scan or ward alerts raises what this round would have
        }
    }

    private void lifecycle(String driveId, List<Change> changes) throws InterruptedException {
        for (Change change : changes) {
            if (change.kind() == Kind.REAUTHORIZATION_REQUIRED) {
                subscriptions.reauthorizationRequired(driveId, change.subscriptionId());
            } else if (change.kind() == Kind.SUBSCRIPTION_REMOVED) {
                subscriptions.removed(change.subscriptionId());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService d = dispatcher;
        ExecutorService w = workers;
        if (d == null || w == null) {
            return;
        }
        d.shutdownNow();
        w.shutdown();
        ExecutorService a = alerting;
        if (a != null) {
            a.shutdown(); // a round under way finishes; the outbox keeps whatever it did not deliver
        }
        try {
            if (!w.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} drive refresh(es) still running after {}: their changes are handed back to the outbox.",
                        claims.size(), settings.shutdownGrace());
                claims.forEach(ChangeOutbox.Claim::close);
                w.shutdownNow();
            }
        } catch (InterruptedException e) {
            claims.forEach(ChangeOutbox.Claim::close);
            w.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // Stops before the web server and the database: refreshes end (or are handed back) while both still work.
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
