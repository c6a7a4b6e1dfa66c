package org.ward.connector.database;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The database Ward's settings point at, read from the JDBC URL rather than from a connection: {@code ward serve}
 * starts, reports itself not ready and waits while its database is down, so nothing at start-up may need one.
 *
 * @param jdbcUrl {@code spring.datasource.url}
 */
public record DatabaseVendor(String jdbcUrl) {

    /**
     * The migrations folder of this database's own scripts ({@code db/migration/h2}, {@code db/migration/postgresql}),
     * or null for any other URL: opening it then fails, and {@code DatabaseFailures} names the URL in one sentence.
     */
    public String migrationFolder() {
        DatabaseDriver driver = driver();
        return driver == DatabaseDriver.H2 || driver == DatabaseDriver.POSTGRESQL ? driver.getId() : null;
    }

    /** Spring Batch's name of the database type, or null when Spring Batch must ask the database. */
    public String batchDatabaseType() {
        return switch (driver()) {
            case H2 -> "H2";
            case POSTGRESQL -> "POSTGRES";
            default -> null;
        };
    }

    private DatabaseDriver driver() {
        return jdbcUrl == null || jdbcUrl.isBlank() ? DatabaseDriver.UNKNOWN : DatabaseDriver.fromJdbcUrl(jdbcUrl);
    }
}
