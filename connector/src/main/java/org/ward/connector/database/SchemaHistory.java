package org.ward.connector.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The check a read-only command makes of the database's tables before it reads them, without starting Flyway: one
 * query of Flyway's history table against the versions of the migration scripts this Ward carries (found where Flyway
 * would find them: {@code spring.flyway.locations} and the vendor's folder). A read-only command never upgrades, so it
 * refuses a database whose tables are behind this Ward (run a scan to upgrade), ahead of it (a newer Ward upgraded
 * it), or left by an upgrade that failed, each in one sentence.
 *
 * @param locations Flyway locations, e.g. {@code classpath:db/migration/common}
 * @param table the history table, schema-qualified when Flyway is told a schema
 */
public record SchemaHistory(List<String> locations, String table) {

    /** Flyway's versioned migrations: V, the version (parts split by dots or underscores), two underscores. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    /** What Flyway (Spring Boot's spring.flyway.* settings and Ward's vendor folder) would read for this database. */
    public static SchemaHistory of(Environment environment) {
        String vendorFolder = new DatabaseVendor(environment.getProperty(DataFolder.URL)).migrationFolder();
        List<String> locations = new ArrayList<>();
        for (String location : environment.getProperty("spring.flyway.locations", String[].class,
                new String[] {"classpath:db/migration"})) {
            if (!location.contains("{vendor}") || vendorFolder != null) {
                locations.add(location.strip().replace("{vendor}", String.valueOf(vendorFolder)));
            }
        }
        if (vendorFolder != null) {
            locations.add("classpath:db/migration/" + vendorFolder);
        }
        String schema = environment.getProperty("spring.flyway.default-schema");
        if (schema == null) {
            String[] schemas = environment.getProperty("spring.flyway.schemas", String[].class, new String[0]);
            schema = schemas.length == 0 ? null : schemas[0];
        }
        String table = quoted(environment.getProperty("spring.flyway.table", "flyway_schema_history"));
        return new SchemaHistory(List.copyOf(locations), schema == null ? table : quoted(schema) + "." + table);
    }

    /**
     * Throws {@link DatabaseConfigurationException} with one sentence unless the database's tables are exactly this
     * Ward's version.
     *
     * @param url {@code spring.datasource.url}, named in the sentence
     */
    public void refuseUnlessCurrent(DataSource dataSource, String url) {
        TreeSet<String> known = known();
        TreeMap<String, Boolean> applied = applied(dataSource, url);
        String newest = known.isEmpty() ? null : known.last();
        String where = "Ward's database (spring.datasource.url=" + url + ")";
        if (applied.containsValue(Boolean.FALSE)) {
            throw new DatabaseConfigurationException(where + " has tables of " + has(applied) + " and this Ward needs a"
                    + " completed upgrade: run ward scan once to upgrade it (Ward copies an H2 file first); read-only"
                    + " commands never change it.");
        }
        List<String> unknown = applied.keySet().stream().filter(v -> !known.contains(v)).toList();
        if (!unknown.isEmpty()) {
            throw new DatabaseConfigurationException(where + " has tables of " + has(applied) + ", which this Ward"
                    + (newest == null ? "" : " (version " + newest + ")") + " does not know: a newer Ward upgraded it. Run"
                    + " that Ward's read-only commands, or install it here; read-only commands never change the tables.");
        }
        if (!applied.keySet().containsAll(known)) {
            throw new DatabaseConfigurationException(where + " has tables of " + has(applied) + " and this Ward needs"
                    + " version " + newest + ": run ward scan once to upgrade it (Ward copies an H2 file first); read-only"
                    + " commands never change it.");
        }
    }

    private static String has(TreeMap<String, Boolean> applied) {
        return applied.isEmpty() ? "none" : "version " + applied.lastKey();
    }

    /** The versions of the migration scripts this Ward carries, in Flyway's order. */
    TreeSet<String> known() {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
                SchemaHistory.class.getClassLoader());
        TreeSet<String> versions = new TreeSet<>(VERSION_ORDER);
        for (String location : locations) {
            String pattern = location.startsWith("classpath:") ? "classpath*:" + location.substring("classpath:".length())
                    : location.startsWith("filesystem:") ? "file:" + location.substring("filesystem:".length()) : location;
            try {
                for (Resource script : resolver.getResources(pattern.replaceAll("/+$", "") + "/**/V*__*.sql")) {
                    Matcher versioned = VERSIONED.matcher(String.valueOf(script.getFilename()));
                    if (versioned.matches()) {
                        versions.add(normal(versioned.group(1)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Ward cannot list its database migrations in " + location, e);
            }
        }
        return versions;
    }

    /** Each version in the history table (Flyway writes "7.1" for V7_1), and whether it was applied successfully. */
    private TreeMap<String, Boolean> applied(DataSource dataSource, String url) {
        TreeMap<String, Boolean> applied = new TreeMap<>(VERSION_ORDER);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\", \"type\" FROM " + table
                        + " WHERE \"version\" IS NOT NULL")) {
            while (rows.next()) {
                if (!"DELETE".equals(rows.getString(3))) {
                    applied.merge(normal(rows.getString(1)), rows.getBoolean(2), Boolean::logicalAnd);
                }
            }
        } catch (SQLException e) {
            // No history table: a database Ward has never upgraded (H2 42S02, 42S03 or 42S04; PostgreSQL 42P01).
            if (e.getSQLState() != null && (e.getSQLState().startsWith("42S0") || e.getSQLState().equals("42P01"))) {
                return applied;
            }
            throw new DatabaseConfigurationException(DatabaseFailures.explain(e, url).orElse("Ward cannot read the"
                    + " version of its database (spring.datasource.url=" + url + "): " + e.getMessage()), e);
        }
        return applied;
    }

    private static String normal(String version) {
        return version.replace('_', '.');
    }

    /** Flyway's version order: part by part, as numbers ("7.1" after "7", "10" after "9"). */
    private static final Comparator<String> VERSION_ORDER = (a, b) -> {
        BigInteger[] x = parts(a);
        BigInteger[] y = parts(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int order = (i < x.length ? x[i] : BigInteger.ZERO).compareTo(i < y.length ? y[i] : BigInteger.ZERO);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    };

    private static BigInteger[] parts(String version) {
        return Arrays.stream(version.split("\\.")).map(BigInteger::new).toArray(BigInteger[]::new);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
