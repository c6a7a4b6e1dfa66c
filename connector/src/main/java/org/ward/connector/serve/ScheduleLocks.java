package org.ward.connector.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.database.DatabaseVendor;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * ShedLock over Ward's database ({@code ward_schedule_lock}, the database's clock): a scheduled job runs where its lock
 * was taken, and is skipped on every other instance that fires at the same time.
 *
 * <p>A lock is released when its job ends, however it ends. ShedLock's own executor gives up when the release itself
 * fails (no connection within the pool's timeout, a database restart, a pool closed under a job at shutdown), and the
 * lock then stays held until its at-most time: an hour without scheduled evidence packs, six hours without identity
 * checks, twelve without notification processing behind a scan lock. Here a failed release is retried, then kept and
 * retried before every later job and at shutdown, and stopping releases the locks of jobs still running, so the next
 * occurrence runs somewhere.
 *
 * <p>A running job's lock is leased, not taken for its whole at-most time: it reaches a few minutes ahead and is
 * extended while the job runs (up to the job's at-most time, after which a job that never ends no longer blocks the
 * others). An instance that dies holding a lock (killed, out of memory, its host gone) therefore blocks that job, and
 * for the scan lock every instance's notification processing, for at most the lease, not for twelve hours.
 */
public class ScheduleLocks implements DisposableBean {

    static final String TABLE = "ward_schedule_lock";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleLocks.class);

    private final LockProvider provider;
    private final JdbcTemplate jdbc;
    private final String databaseNow;
    private final Duration[] releaseRetries;
    private final Duration lease;
    /** Extends the leases of running jobs; its own thread, so that busy scheduler threads cannot starve it. */
    private final ScheduledExecutorService keepAlive;
    /** The locks this instance took and has not released yet: jobs running, or releases that failed. */
    private final Map<String, Taken> taken = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    /**
     * @param instance this instance's name in {@code locked_by}: a release only ever frees this instance's own lock,
     *     also when several instances run on one host
     */
    public ScheduleLocks(JdbcTemplate jdbc, PlatformTransactionManager tx, DatabaseVendor vendor, String instance) {
        this(jdbc, tx, vendor, instance, Duration.ofMinutes(5), Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    /**
     * @param lease how far ahead a running job's lock reaches; it is extended every quarter of it
     * @param releaseRetries the pauses before each further attempt at a release that failed
     */
    ScheduleLocks(JdbcTemplate jdbc, PlatformTransactionManager tx, DatabaseVendor vendor, String instance,
            Duration lease, Duration... releaseRetries) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "ward-schedule-lease");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lease.toMillis() / 4);
        keepAlive.scheduleWithFixedDelay(this::extendRunning, every, every, TimeUnit.MILLISECONDS);
        this.provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc)
                .withTransactionManager(tx).withTableName(TABLE).withLockedByValue(instance).usingDbTime().build());
        // ShedLock's own expression of "now" for each database, so that "is it held" is judged on the same clock.
        this.databaseNow = "postgresql".equals(vendor.migrationFolder()) ? "timezone('utc', CURRENT_TIMESTAMP)"
                : "CURRENT_TIMESTAMP(3)";
        this.releaseRetries = releaseRetries.clone();
    }

    /**
     * Runs the job under its lock; returns whether it ran here (false: another instance holds the lock). The job's own
     * exception is rethrown once its lock is released; a failed release never hides it.
     *
     * @param atMost how long the lock lasts if this instance dies while holding it
     * @param atLeast how long the lock is kept after a quick run
     */
    public boolean run(String name, Duration atMost, Duration atLeast, Runnable job) {
        releaseFailed();
        if (stopped) {
            return false;
        }
        Instant now = Instant.now();
        Duration first = atMost.compareTo(leaseFor(atLeast)) < 0 ? atMost : leaseFor(atLeast);
        Optional<SimpleLock> lock = provider.lock(new LockConfiguration(now, name, first, atLeast));
        if (lock.isEmpty()) {
            return false;
        }
        Taken mine = new Taken(lock.get(), now, atMost, atLeast);
        taken.put(name, mine);
        try {
            job.run();
        } finally {
            release(name, mine, true);
        }
        return true;
    }

    /** Retries the releases that failed earlier (every job calls it first, and so does the service's heartbeat). */
    public void releaseFailed() {
        taken.forEach((name, lock) -> {
            if (lock.releaseFailed) {
                release(name, lock, false);
            }
        });
    }

    /** A lease never ends before the job's at-least time. */
    private Duration leaseFor(Duration atLeast) {
        return atLeast.compareTo(lease) > 0 ? atLeast : lease;
    }

    /** Extends the lease of each job still running here, up to its at-most time. */
    private void extendRunning() {
        Instant now = Instant.now();
        taken.forEach((name, lock) -> {
            synchronized (lock) {
                if (lock.releaseFailed || lock.released) {
                    return;
                }
                Duration left = Duration.between(now, lock.taken.plus(lock.atMost));
                if (left.isNegative() || left.isZero()) {
                    return;
                }
                Duration atLeastLeft = Duration.between(now, lock.taken.plus(lock.atLeast));
                Duration atLeast = atLeastLeft.isNegative() ? Duration.ZERO : atLeastLeft;
                Duration until = left.compareTo(leaseFor(atLeast)) < 0 ? left : leaseFor(atLeast);
                try {
                    Optional<SimpleLock> extended = lock.lock.extend(until, atLeast);
                    if (extended.isPresent()) {
                        lock.lock = extended.get();
                    } else {
                        LOG.warn("The lock of scheduled job {} could not be extended: it lapsed, and another instance may"
                                + " run the job beside this one.", name);
                    }
                } catch (RuntimeException e) {
                    // The lease still reaches a few minutes ahead: the next extension tries again.
                    LOG.debug("Extending the lock of scheduled job {} failed: {}", name, e.getMessage());
                }
            }
        });
    }

    /** Whether some instance holds the job's lock now. */
    public boolean held(String name) {
        Integer held = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE name = ? AND lock_until > "
                + databaseNow, Integer.class, name);
        return held != null && held > 0;
    }

    /**
     * Stopping, before the database's pool closes: takes no new lock and releases those still taken, so that another
     * instance runs the next occurrence instead of waiting for their at-most time. A job still running here ends with
     * the process.
     */
    @Override
    public void destroy() {
        stopped = true;
        keepAlive.shutdownNow();
        taken.forEach((name, lock) -> release(name, lock, false));
    }

    /** Releases the lock unless that happened already; on failure keeps it for a later retry, and says so once. */
    private void release(String name, Taken lock, boolean retry) {
        if (!taken.remove(name, lock)) {
            return;
        }
        // A job interrupted by the scheduler's shutdown still gives its lock back.
        boolean interrupted = Thread.interrupted();
        try {
            RuntimeException failure = null;
            int retries = retry && !interrupted ? releaseRetries.length : 0;
            for (int attempt = 0; attempt <= retries; attempt++) {
                if (attempt > 0 && !pause(releaseRetries[attempt - 1])) {
                    break;
                }
                try {
                    synchronized (lock) {
                        lock.lock.unlock();
                        lock.released = true;
                    }
                    if (lock.releaseFailed) {
                        LOG.info("The lock of scheduled job {} is released; the job runs at its next occurrence.", name);
                    }
                    return;
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (!lock.releaseFailed) {
                LOG.warn("The lock of scheduled job {} could not be released ({}); Ward tries again before each scheduled"
                        + " job and at shutdown, and until then every instance skips that job.", name,
                        failure == null ? "interrupted" : failure.getMessage());
            }
            lock.releaseFailed = true;
            taken.putIfAbsent(name, lock);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A lock this instance took at {@code taken}: the latest lease ({@code lock}, replaced by each extension);
     * {@code releaseFailed} once giving it back failed.
     */
    private static final class Taken {

        private volatile SimpleLock lock;
        private final Instant taken;
        private final Duration atMost;
        private final Duration atLeast;
        private volatile boolean releaseFailed;
        private volatile boolean released;

        private Taken(SimpleLock lock, Instant taken, Duration atMost, Duration atLeast) {
            this.lock = lock;
            this.taken = taken;
            this.atMost = atMost;
            this.atLeast = atLeast;
        }
    }
}
