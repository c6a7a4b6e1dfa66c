package org.ward.connector.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.ward.connector.database.DatabaseVendor;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two instances' schedule locks on one database, instance A with a pool of one connection: A's release of a lock can
 * find no connection, as a pool starved under load, a database restart or a pool closing at shutdown would leave it.
 * However A's release fails, the job runs again at a later occurrence instead of being skipped everywhere for the
 * lock's at-most time (an hour for the scheduled evidence pack).
 */
class ScheduleLocksTests {

    private static final String URL = "jdbc:h2:mem:schedule-locks;DB_CLOSE_DELAY=-1";
    private static final Duration HOUR = Duration.ofHours(1);

    private HikariDataSource poolA;
    private HikariDataSource poolB;
    private ScheduleLocks b;
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void database() {
        poolA = pool(1);
        poolB = pool(2);
        new JdbcTemplate(poolB).execute("DROP TABLE IF EXISTS ward_schedule_lock");
        new JdbcTemplate(poolB).execute("CREATE TABLE ward_schedule_lock (name VARCHAR(64) PRIMARY KEY, lock_until"
                + " TIMESTAMP NOT NULL, locked_at TIMESTAMP NOT NULL, locked_by VARCHAR(255) NOT NULL)");
        b = locks(poolB, "b");
    }

    @AfterEach
    void close() {
        later.shutdownNow();
        poolA.close();
        poolB.close();
    }

    @Test
    void aReleaseThatFindsNoConnectionIsRetriedUntilTheDatabaseAnswers() {
        ScheduleLocks a = locks(poolA, "a");

        // The job ends while other work holds A's only connection for a second.
        boolean ran = a.run("ward-evidence", HOUR, Duration.ZERO, () -> {
            Connection busy = connection(poolA);
            later.schedule(() -> {
                busy.close();
                return null;
            }, 1, TimeUnit.SECONDS);
        });

        assertThat(ran).isTrue();
        assertThat(b.run("ward-evidence", HOUR, Duration.ZERO, () -> { })).as("the next occurrence, on instance B")
                .isTrue();
    }

    @Test
    void aLockWhoseReleaseFailedIsReleasedBeforeTheInstancesNextJob() {
        ScheduleLocks a = new ScheduleLocks(new JdbcTemplate(poolA), new DataSourceTransactionManager(poolA),
                new DatabaseVendor(URL), "a", Duration.ofMinutes(5));
        AtomicReference<Connection> busy = new AtomicReference<>();

        assertThat(a.run("ward-evidence", HOUR, Duration.ZERO, () -> busy.set(connection(poolA)))).isTrue();
        assertThat(b.run("ward-evidence", HOUR, Duration.ZERO, () -> { })).as("while A cannot reach the database")
                .isFalse();
        close(busy.get());
        a.run("ward-identity", HOUR, Duration.ZERO, () -> { });

        assertThat(b.run("ward-evidence", HOUR, Duration.ZERO, () -> { })).as("once A's next job ran").isTrue();
    }

    @Test
    void stoppingReleasesTheLockOfAJobStillRunning() throws InterruptedException {
        ScheduleLocks a = locks(poolA, "a");
        CountDownLatch end = new CountDownLatch(1);
        Thread job = scanRunningUntil(a, end);

        a.destroy();

        try {
            assertThat(b.held("ward-scan")).isFalse();
            assertThat(b.run("ward-scan", Duration.ofHours(12), Duration.ZERO, () -> { })).isTrue();
        } finally {
            end.countDown();
            job.join();
        }
    }

    @Test
    void theLockNamesTheInstanceHoldingItNotJustItsHost() {
        ScheduleLocks a = locks(poolA, "a");

        a.run("ward-identity", HOUR, Duration.ZERO, () -> assertThat(new JdbcTemplate(poolB).queryForObject(
                "SELECT locked_by FROM ward_schedule_lock WHERE name = ?", String.class, "ward-identity")).isEqualTo("a"));
    }

    @Test
    void aRunningJobsLockReachesOnlyItsLeaseAheadSoADeadInstanceBlocksNoLonger() {
        ScheduleLocks a = leased(poolA, "a", Duration.ofMinutes(5));

        a.run("ward-scan", Duration.ofHours(12), Duration.ofMinutes(1), () -> assertThat(new JdbcTemplate(poolB)
                .queryForObject("SELECT DATEDIFF('SECOND', CURRENT_TIMESTAMP, lock_until) FROM ward_schedule_lock"
                        + " WHERE name = ?", Long.class, "ward-scan")).isBetween(240L, 300L));
    }

    @Test
    void aJobRunningLongerThanItsLeaseKeepsItsLock() throws InterruptedException {
        ScheduleLocks a = leased(poolB, "a", Duration.ofMillis(400));
        CountDownLatch end = new CountDownLatch(1);
        Thread job = scanRunningUntil(a, end);
        // Three leases' worth of extensions: each moves the lock's end further ahead.
        java.sql.Timestamp first = lockUntil("ward-scan");
        awaitLockUntilAfter("ward-scan", first.toInstant().plusMillis(1200));

        try {
            assertThat(b.run("ward-scan", Duration.ofHours(12), Duration.ZERO, () -> { })).as("on instance B").isFalse();
        } finally {
            end.countDown();
            job.join();
        }
        assertThat(b.run("ward-scan", Duration.ofHours(12), Duration.ZERO, () -> { })).as("once A's job ended").isTrue();
    }

    // ---- helpers ----

    /** A scan job running on {@code locks} in a thread of its own until {@code end}; returns once it runs. */
    private static Thread scanRunningUntil(ScheduleLocks locks, CountDownLatch end) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Thread job = new Thread(() -> locks.run("ward-scan", Duration.ofHours(12), Duration.ZERO, () -> {
            running.countDown();
            awaitQuietly(end);
        }));
        job.start();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        return job;
    }

    private static ScheduleLocks leased(DataSource pool, String instance, Duration lease) {
        return new ScheduleLocks(new JdbcTemplate(pool), new DataSourceTransactionManager(pool), new DatabaseVendor(URL),
                instance, lease, Duration.ofMillis(250));
    }

    private java.sql.Timestamp lockUntil(String name) {
        return new JdbcTemplate(poolB).queryForObject("SELECT lock_until FROM ward_schedule_lock WHERE name = ?",
                java.sql.Timestamp.class, name);
    }

    private void awaitLockUntilAfter(String name, java.time.Instant after) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> lockUntil(name).toInstant().isAfter(after));
    }

    private static HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername("sa");
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(250);
        return new HikariDataSource(config);
    }

    private static ScheduleLocks locks(DataSource pool, String instance) {
        return new ScheduleLocks(new JdbcTemplate(pool), new DataSourceTransactionManager(pool), new DatabaseVendor(URL),
                instance);
    }

    private static Connection connection(DataSource pool) {
        try {
            return pool.getConnection();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
