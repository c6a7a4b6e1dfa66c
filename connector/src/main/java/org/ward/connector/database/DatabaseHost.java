package org.ward.connector.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Makes a long-running command (a scan) the process that serves an H2 database. In H2's automatic mixed mode the
 * first process to open the file serves it to the others; when that process ends, the others reconnect, but a
 * transaction in flight at that moment fails. A scan that found a shorter command (a remediation, an identity run)
 * serving the file therefore waits for it to finish and then serves the file itself, so no other command's exit can
 * break a chunk of the scan.
 */
@Component
public class DatabaseHost {

    private final DataSource dataSource;
    private final boolean h2File;

    public DatabaseHost(DataSource dataSource, Environment environment) {
        this.dataSource = dataSource;
        this.h2File = H2File.of(environment.getProperty(DataFolder.URL)).isPresent();
    }

    /**
     * Returns once this process serves the database (at once for PostgreSQL, or when it already does).
     *
     * @param patience how long to wait for another Ward command to close it
     * @param waiting told once when the wait begins
     */
    public void serve(Duration patience, Runnable waiting) {
        if (!h2File) {
            return;
        }
        Instant deadline = Instant.now().plus(patience);
        boolean told = false;
        while (!servedHere()) {
            if (Instant.now().isAfter(deadline)) {
                throw new DatabaseConfigurationException("Another Ward command has kept Ward's database open for over "
                        + patience.toMinutes() + " minutes (a long ward identity or remediate run?): let it finish, then"
                        + " run the scan again.");
            }
            if (!told) {
                waiting.run();
                told = true;
            }
            if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
                hikari.getHikariPoolMXBean().softEvictConnections();
            }
            try {
                TimeUnit.SECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the database", e);
            }
        }
    }

    private boolean servedHere() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
        } catch (SQLException e) {
            return false;
        }
    }
}
