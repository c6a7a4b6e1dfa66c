package org.ward.connector.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ward's database wiring that must not connect while the context starts: the vendor, told by the URL, and its
 * migrations folder (Spring Boot's {@code {vendor}} placeholder would open a connection to find it). Spring Batch's job
 * repository, which asks the vendor for the database's type, is {@code runs.JobRepositoryConfiguration}: the read-only
 * commands' context holds this package and no Spring Batch. {@code ward serve} then starts while the database is down,
 * says so, fails its readiness probe and migrates once the database answers; the commands behave as before.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private final DatabaseVendor vendor;

    public DatabaseConfiguration(@Value("${spring.datasource.url:}") String jdbcUrl) {
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
}
