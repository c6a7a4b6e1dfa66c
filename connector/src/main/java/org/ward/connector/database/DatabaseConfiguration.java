package org.ward.connector.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.api.Location;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Ward's database wiring that must not connect while the context starts: the vendor's migrations folder (Spring
 * Boot's {@code {vendor}} placeholder would open a connection to find it) and Spring Batch's job repository (which
 * asks the database for its type). {@code ward serve} then starts while the database is down, says so, fails its
 * readiness probe and migrates once the database answers; the commands behave as before.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration extends JdbcDefaultBatchConfiguration {

    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final DatabaseVendor vendor;

    public DatabaseConfiguration(DataSource dataSource, PlatformTransactionManager transactionManager,
            @Value("${spring.datasource.url:}") String jdbcUrl) {
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.vendor = new DatabaseVendor(jdbcUrl);
    }

    @Bean
    DatabaseVendor databaseVendor() {
        return vendor;
    }

    /** Adds {@code db/migration/h2} or {@code db/migration/postgresql} to the portable scripts in {@code common}. */
    @Bean
    FlywayConfigurationCustomizer vendorMigrations() {
        return configuration -> {
            String folder = vendor.migrationFolder();
            if (folder == null) {
                return;
            }
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location("classpath:db/migration/" + folder));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }

    @Override
    protected DataSource getDataSource() {
        return dataSource;
    }

    @Override
    protected PlatformTransactionManager getTransactionManager() {
        return transactionManager;
    }

    @Override
    protected String getDatabaseType() throws MetaDataAccessException {
        String type = vendor.batchDatabaseType();
        return type != null ? type : super.getDatabaseType();
    }
}
