package org.ward.connector.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.evidence.ScheduledEvidence;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.identity.IdentityService;
import org.ward.connector.notifications.SubscriptionKeeper;
import org.ward.connector.notifications.SubscriptionSettings;
import org.ward.connector.scan.ScanService;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What ward serve runs on its own, once the web server is up (Graph validates the endpoint before it creates a
 * subscription): the full scan and the identity checks on their cron expressions, subscription upkeep every
 * {@code ward.subscriptions.check-every}, and, at start, the first scan when Ward never scanned and a resync of every
 * watched drive after a long downtime; and the evidence pack on {@code ward.evidence.schedule}. Each job runs under a
 * ShedLock lock in the database, so with several instances
 * it runs on one of them; {@code ward.schedule.runs} counts where it ran and where it was skipped.
 */
public class ScheduledJobs implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    static final String IDENTITY_LOCK = "ward-identity";
    static final String SUBSCRIPTIONS_LOCK = "ward-subscriptions";
    static final String EVIDENCE_LOCK = "ward-evidence";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobs.class);

    private final ScheduleLocks locks;
    private final ScanService scans;
    private final IdentityService identity;
    private final GraphSettings graph;
    private final SubscriptionKeeper subscriptions;
    private final ChangeProcessor processor;
    private final DatabaseStart database;
    private final ServiceInstances instances;
    private final LocationStore locations;
    private final SubscriptionSettings subscriptionSettings;
    private final ServeSettings settings;
    private final MeterRegistry registry;
    private final Clock clock;
    private final ScheduledEvidence evidence;
    private volatile ThreadPoolTaskScheduler scheduler;

    public ScheduledJobs(ScheduleLocks locks, ScanService scans, IdentityService identity, GraphSettings graph,
            SubscriptionKeeper subscriptions, ChangeProcessor processor, DatabaseStart database, ServiceInstances instances,
            LocationStore locations, SubscriptionSettings subscriptionSettings, ServeSettings settings, MeterRegistry registry,
            Clock clock, ScheduledEvidence evidence) {
        this.locks = locks;
        this.scans = scans;
        this.identity = identity;
        this.graph = graph;
        this.subscriptions = subscriptions;
        this.processor = processor;
        this.database = database;
        this.instances = instances;
        this.locations = locations;
        this.subscriptionSettings = subscriptionSettings;
        this.settings = settings;
        this.registry = registry;
        this.clock = clock;
        this.evidence = evidence;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ThreadPoolTaskScheduler tasks = new ThreadPoolTaskScheduler();
        tasks.setPoolSize(4);
        tasks.setThreadNamePrefix("ward-schedule-");
        tasks.setDaemon(true);
        tasks.setErrorHandler(e -> LOG.error("A scheduled job failed: {}", e.getMessage(), e));
        // Stopping interrupts the jobs and waits for them, so that each gives its lock back while the database's pool
        // is still open (a lock not given back is held until its at-most time; ScheduleLocks releases any left).
        tasks.setAwaitTerminationMillis(settings.shutdownGrace().toMillis());
        tasks.initialize();
        scheduler = tasks;
        ZoneId zone = settings.cronZone() == null || settings.cronZone().isBlank() ? ZoneId.systemDefault()
                : ZoneId.of(settings.cronZone());
        if (!ServeSettings.NEVER.equals(settings.scanCron())) {
            tasks.schedule(() -> scan(settings.lockAtLeast()), new CronTrigger(settings.scanCron(), zone));
        }
        if (!ServeSettings.NEVER.equals(settings.identityCron())) {
            tasks.schedule(this::identity, new CronTrigger(settings.identityCron(), zone));
        }
        if (evidence.cron().isPresent()) {
            tasks.schedule(this::evidence, new CronTrigger(evidence.schedule(), zone));
        }
        tasks.execute(this::atStart);
    }

    /** Waits for the database, resyncs after a long downtime, scans if Ward never did, then starts the upkeep. */
    void atStart() {
        while (!database.ready()) {
            try {
                Thread.sleep(settings.databaseRetry().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Optional<Instant> lastSeen = instances.lastSeenElsewhere();
        instances.alive();
        if (lastSeen.isPresent() && lastSeen.get().plus(settings.resyncAfterDowntime()).isBefore(clock.instant())) {
            int drives = subscriptions.resyncAll();
            LOG.info("ward serve was down since {} (longer than Graph keeps retrying): resyncing {} watched drive(s).",
                    lastSeen.get(), drives);
        }
        if (settings.scanAtStart() && locations.latestDiscovery().isEmpty()) {
            LOG.info("Ward has not scanned this tenant yet: running the full scan first, then subscribing to its drives.");
            // No cron occurrence to protect: other instances see the lock while it runs, and the discovery after it.
            if (scan(Duration.ZERO) == Ran.FAILED) {
                retryFirstScan(settings.retryAfter());
            }
        }
        ThreadPoolTaskScheduler tasks = scheduler;
        if (tasks != null) {
            try {
                tasks.scheduleWithFixedDelay(this::upkeep, subscriptionSettings.checkEvery());
                tasks.scheduleWithFixedDelay(this::heartbeat, Duration.ofSeconds(30));
            } catch (org.springframework.core.task.TaskRejectedException stopping) {
                // The service is stopping (it interrupted the scan above): there is nothing left to schedule.
                LOG.debug("Not scheduling the upkeep: the service is stopping.");
            }
        }
    }

    /**
     * A first scan that failed (Graph down, a refused sign-in) is tried again after {@code retry-after}, the wait
     * doubling up to an hour, until one completes: without it there is nothing to watch and no evidence to pack, and
     * the next cron occurrence may be a day away. Each attempt resumes what the last one committed.
     */
    private void retryFirstScan(Duration wait) {
        ThreadPoolTaskScheduler tasks = scheduler;
        if (tasks == null) {
            return;
        }
        LOG.info("The first scan did not finish: Ward tries it again in {} ms, resuming what it committed.",
                wait.toMillis());
        Duration doubled = wait.multipliedBy(2);
        Duration next = doubled.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : doubled;
        try {
            tasks.schedule(() -> {
                if (scan(Duration.ZERO) == Ran.FAILED) {
                    retryFirstScan(next);
                }
            }, clock.instant().plus(wait));
        } catch (org.springframework.core.task.TaskRejectedException stopping) {
            LOG.debug("Not retrying the first scan: the service is stopping.");
        }
    }

    Ran scan(Duration lockAtLeast) {
        if (!database.ready()) {
            return Ran.ELSEWHERE;
        }
        Ran ran = run(ChangeProcessor.SCAN_LOCK, settings.scanLockAtMost(), lockAtLeast, () -> {
            processor.scanStarted();
            try {
                ScanService.Outcome outcome = scans.scan();
                LOG.info("Scheduled full scan #{} finished.", outcome.scanId());
            } finally {
                processor.scanEnded();
            }
        });
        if (ran == Ran.HERE) {
            upkeep();
        }
        return ran;
    }

    void identity() {
        if (database.ready()) {
            run(IDENTITY_LOCK, Duration.ofHours(6), settings.lockAtLeast(), () -> {
                var result = identity.run(null, graph.tenantId());
                LOG.info("Scheduled identity checks, run #{}: {} opened, {} resolved.", result.runId(), result.opened(),
                        result.resolved());
            });
        }
    }

    /** ward.evidence.schedule: one dated pack per occurrence, whichever instance takes the lock. */
    void evidence() {
        if (database.ready()) {
            run(EVIDENCE_LOCK, Duration.ofHours(1), settings.lockAtLeast(), () -> {
                try {
                    evidence.write(clock.instant());
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not write the scheduled evidence pack: " + e.getMessage()
                            + ". Check that ward.evidence.scheduled-out is a folder Ward can write to.", e);
                }
            });
        }
    }

    void upkeep() {
        if (database.ready()) {
            run(SUBSCRIPTIONS_LOCK, Duration.ofMinutes(30), subscriptionSettings.checkEvery().dividedBy(2), () -> {
                try {
                    subscriptions.maintain();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    private void heartbeat() {
        if (database.ready()) {
            locks.releaseFailed();
            instances.alive();
            instances.forgetOld();
        }
    }

    /** Where a scheduled job's occurrence went: it ran here, another instance had it, or it failed here. */
    enum Ran { HERE, ELSEWHERE, FAILED }

    private Ran run(String job, Duration atMost, Duration atLeast, Runnable task) {
        try {
            boolean ran = locks.run(job, atMost, atLeast, task);
            count(job, ran ? "ran" : "skipped");
            return ran ? Ran.HERE : Ran.ELSEWHERE;
        } catch (RuntimeException e) {
            count(job, "failed");
            LOG.error("Scheduled job {} failed: {}", job, e.getMessage(), e);
            return Ran.FAILED;
        }
    }

    private void count(String job, String outcome) {
        Counter.builder("ward.schedule.runs").description("Scheduled jobs: run here, skipped (another instance had the"
                + " lock) or failed").tag("job", job).tag("outcome", outcome).register(registry).increment();
    }

    @Override
    public void destroy() {
        ThreadPoolTaskScheduler tasks = scheduler;
        if (tasks != null) {
            tasks.shutdown();
        }
    }
}
