package org.ward.connector.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Brings the database's tables up to this Ward's version (Flyway), carefully: a read-only command never changes
 * them ({@link SchemaHistory} says to run a scan when they are behind); before an H2 database is upgraded Ward copies it (H2's online
 * backup, a zip) into {@code <data-dir>/backups} and says where; and an upgrade that fails — now or half-way in an
 * earlier run — stops with one sentence naming the copy to restore.
 */
@Component
public class DatabaseUpgrade implements FlywayMigrationStrategy {

    static final String BACKUPS = "backups";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUpgrade.class);

    private final Environment environment;
    private volatile Path backup;

    public DatabaseUpgrade(Environment environment) {
        this.environment = environment;
    }

    /** The copy this start took before upgrading the database, if it upgraded an existing one. */
    public Optional<Path> backup() {
        return Optional.ofNullable(backup);
    }

    @Override
    public void migrate(Flyway flyway) {
        String url = environment.getProperty(DataFolder.URL);
        Path dataDir = Path.of(environment.getProperty(DataFolder.DATA_DIR, "ward-data"));
        try {
            if (environment.getProperty(DataFolder.READ_ONLY, Boolean.class, false)) {
                Configuration configuration = flyway.getConfiguration();
                String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                        : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
                String table = "\"" + configuration.getTable() + "\"";
                new SchemaHistory(Arrays.stream(configuration.getLocations()).map(Location::getDescriptor).toList(),
                        schema == null ? table : "\"" + schema + "\"." + table)
                        .refuseUnlessCurrent(configuration.getDataSource(), url);
                return;
            }
            MigrationInfoService info = flyway.info();
            if (H2File.of(url).isPresent() && info.current() != null && info.pending().length > 0) {
                backup = copy(flyway.getConfiguration().getDataSource(), dataDir, info);
            }
        } catch (DatabaseConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new DatabaseConfigurationException(DatabaseFailures.explain(e, url).orElse("Ward cannot read the"
                    + " version of its database (spring.datasource.url=" + url + "): " + e.getMessage()), e);
        }
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw failed(e, url, dataDir);
        }
        backup().ifPresent(copy -> LOG.info("Upgraded the database; the copy taken before is {}", copy));
    }

    /**
     * H2's own online backup ({@code BACKUP TO}): a consistent zip of the database file even while it is open, taken
     * before the first change of the upgrade.
     */
    private static Path copy(DataSource dataSource, Path dataDir, MigrationInfoService before) {
        MigrationInfo[] pending = before.pending();
        String name = "ward-V" + before.current().getVersion() + "-before-V" + pending[pending.length - 1].getVersion()
                + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip";
        Path target = dataDir.resolve(BACKUPS).resolve(name);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Files.createDirectories(target.getParent());
            statement.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
            return target;
        } catch (IOException | SQLException e) {
            throw new DatabaseConfigurationException("Ward must copy its database before upgrading it, but could not"
                    + " write " + target + " (" + e.getMessage() + "): free disk space or make " + target.getParent()
                    + " writable, then run again. The database is unchanged.", e);
        }
    }

    private DatabaseConfigurationException failed(RuntimeException e, String url, Path dataDir) {
        Optional<String> unreachable = DatabaseFailures.explain(e, url).filter(s -> !s.startsWith("Ward cannot use"));
        if (unreachable.isPresent()) {
            return new DatabaseConfigurationException(unreachable.get(), e);
        }
        String why = reason(e);
        boolean earlier = why.contains("failed migration") || why.contains("Detected failed");
        Optional<H2File> file = H2File.of(url);
        if (file.isEmpty()) {
            return new DatabaseConfigurationException("Upgrading Ward's database (spring.datasource.url=" + url
                    + ") failed (" + why + "); PostgreSQL rolled the failed step back, so the database is as it was before"
                    + " that step: correct the cause named and run again, or restore your database backup.", e);
        }
        Path restore = backup != null ? backup : latestBackup(dataDir).orElse(null);
        String what = earlier ? "An earlier upgrade of Ward's database " + file.get().dataFile() + " stopped half-way ("
                + why + ")" : "Upgrading Ward's database " + file.get().dataFile() + " failed (" + why + ") and may have"
                + " stopped half-way";
        if (restore == null) {
            return new DatabaseConfigurationException(what + ": no copy was taken (the database was new), so move the"
                    + " file aside and run again.", e);
        }
        return new DatabaseConfigurationException(what + ": with no Ward process running, restore the copy " + restore
                + " (unzip it into " + file.get().dataFile().getParent() + ", replacing " + file.get().dataFile().getFileName()
                + "), then run again.", e);
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Optional<String> sqlMessage = message.lines().map(String::strip).filter(l -> l.startsWith("Message"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst();
        String first = message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(message);
        return sqlMessage.map(m -> first + ": " + m).orElse(first).replaceAll("\\.$", "");
    }

    private static Optional<Path> latestBackup(Path dataDir) {
        Path folder = dataDir.resolve(BACKUPS);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> copies = Files.list(folder)) {
            return copies.filter(p -> p.getFileName().toString().endsWith(".zip"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
