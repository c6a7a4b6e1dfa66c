package org.ward.connector.serve;

import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.database.DatabaseVendor;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * ShedLock over Ward's database ({@code ward_schedule_lock}, the database's clock): a scheduled job runs where its lock
 * was taken, and is skipped on every other instance that fires at the same time.
 */
public class ScheduleLocks {

    static final String TABLE = "ward_schedule_lock";

    private final LockingTaskExecutor executor;
    private final JdbcTemplate jdbc;
    private final String databaseNow;

    public ScheduleLocks(JdbcTemplate jdbc, PlatformTransactionManager tx, DatabaseVendor vendor) {
        this.jdbc = jdbc;
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(jdbc).withTransactionManager(tx).withTableName(TABLE).usingDbTime().build()));
        // ShedLock's own expression of "now" for each database, so that "is it held" is judged on the same clock.
        this.databaseNow = "postgresql".equals(vendor.migrationFolder()) ? "timezone('utc', CURRENT_TIMESTAMP)"
                : "CURRENT_TIMESTAMP(3)";
    }

    /**
     * Runs the job under its lock; returns whether it ran here (false: another instance holds the lock).
     *
     * @param atMost how long the lock lasts if this instance dies while holding it
     * @param atLeast how long the lock is kept after a quick run
     */
    public boolean run(String name, Duration atMost, Duration atLeast, Runnable job) {
        try {
            return executor.executeWithLock((LockingTaskExecutor.TaskWithResult<Boolean>) () -> {
                job.run();
                return true;
            }, new LockConfiguration(Instant.now(), name, atMost, atLeast)).wasExecuted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether some instance holds the job's lock now. */
    public boolean held(String name) {
        Integer held = jdbc.queryForObject("SELECT COUNT(*) FROM " + TABLE + " WHERE name = ? AND lock_until > "
                + databaseNow, Integer.class, name);
        return held != null && held > 0;
    }

}
