package org.ward.connector.serve;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ward.connector.database.DatabaseReadiness;

/**
 * ward serve's start against its database. When the database cannot be reached, the service still starts: it logs one
 * sentence, answers notifications 503 (so Graph retries), reports the {@code database} health contributor (part of
 * the readiness probe) down with that sentence, and tries again every {@code ward.serve.database-retry}; once the
 * database answers it applies the migrations and becomes ready. The migrations run through the commands' own
 * strategy ({@code DatabaseUpgrade}: an H2 file is copied before an upgrade, a failed upgrade is one sentence naming the
 * copy), and any failure other than an unreachable database stops the start, as in the commands.
 */
public class DatabaseStart implements FlywayMigrationStrategy, DatabaseReadiness, HealthIndicator, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStart.class);

    private final String where;
    private final Duration retry;
    private final JdbcTemplate jdbc;
    private final FlywayMigrationStrategy upgrade;
    private volatile boolean migrated;
    private volatile String waiting;
    private volatile Thread retrier;
    private final List<Runnable> whenReady = new ArrayList<>();

    /** Takes the data source, not Spring's JdbcTemplate, which itself waits for the migrations this class runs. */
    public DatabaseStart(String jdbcUrl, Duration retry, javax.sql.DataSource dataSource, FlywayMigrationStrategy upgrade) {
        // The URL's parameters may hold a password.
        this.where = jdbcUrl == null ? "(no spring.datasource.url)" : jdbcUrl.replaceAll("[?;].*$", "");
        this.retry = retry;
        this.jdbc = new JdbcTemplate(dataSource);
        this.upgrade = upgrade;
    }

    @Override
    public void migrate(Flyway flyway) {
        try {
            upgrade.migrate(flyway);
            nowReady();
        } catch (RuntimeException e) {
            if (!unreachable(e)) {
                throw e;
            }
            waiting = "Ward cannot reach its database at " + where + " (" + reason(e) + "); it tries again every "
                    + retry.toSeconds() + " s and reports itself not ready until then.";
            LOG.error(waiting);
            Thread thread = new Thread(() -> retry(flyway), "ward-database-start");
            thread.setDaemon(true);
            retrier = thread;
            thread.start();
        }
    }

    private void retry(Flyway flyway) {
        while (!migrated && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(retry.toMillis());
                upgrade.migrate(flyway);
                waiting = null;
                LOG.info("Ward reached its database at {} and applied its migrations; it is ready.", where);
                nowReady();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (!unreachable(e)) {
                    waiting = "Ward reached its database at " + where + " but could not migrate it: " + reason(e);
                    LOG.error(waiting);
                }
            }
        }
    }

    /** Whether the database is migrated and may be used. */
    @Override
    public boolean ready() {
        return migrated;
    }

    @Override
    public void whenReady(Runnable work) {
        synchronized (whenReady) {
            if (!migrated) {
                whenReady.add(work);
                return;
            }
        }
        work.run();
    }

    private void nowReady() {
        List<Runnable> due;
        synchronized (whenReady) {
            migrated = true;
            due = List.copyOf(whenReady);
            whenReady.clear();
        }
        for (Runnable work : due) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("Work waiting for the database failed: {}", e.getMessage(), e);
            }
        }
    }

    @Override
    public Health health() {
        if (!migrated) {
            return Health.down().withDetail("error", waiting == null ? "Migrating the database." : waiting).build();
        }
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return Health.up().build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", "Ward cannot reach its database at " + where + ": " + reason(e)).build();
        }
    }

    @Override
    public void destroy() {
        Thread thread = retrier;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** A failure to connect (refused, unknown host, timed out), as opposed to a failure of the SQL. */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                deepest = t;
            }
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }
}
