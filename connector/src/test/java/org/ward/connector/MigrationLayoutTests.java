package org.ward.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * One migration per change: a script whose SQL is portable is written once, in {@code common}; a vendor folder holds
 * only what differs. Installations that applied V1–V6 from the old per-vendor folders keep validating, because Flyway
 * compares versions, descriptions and checksums, not folders.
 */
class MigrationLayoutTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final List<String> VENDORS = List.of("h2", "postgresql");

    /**
     * The checksums installations recorded when they applied V1–V6 (from the per-vendor scripts of release 0.1), and
     * those of the scripts added since (V7 hardening, whose column types differ per vendor; V7.1, V8 and V19, portable).
     */
    private static final Map<String, Integer> H2 = Map.of("1", -1293018399, "2", 856019406, "3", -1996544915,
            "4", -1215208033, "5", 1427611064, "6", 75017784, "7", 81078972, "7.1", -1341842909, "8", -1408983293,
            "19", -1312036227);
    private static final Map<String, Integer> POSTGRESQL = Map.of("1", 1191676901, "2", 856019406, "3", -1996544915,
            "4", -1215208033, "5", 1202721127, "6", 75017784, "7", 280100439, "7.1", -1341842909, "8", -1408983293,
            "19", -1312036227);

    @Test
    void noScriptIsKeptTwice() throws IOException {
        List<String> common = scripts("common");
        for (String vendor : VENDORS) {
            assertThat(scripts(vendor)).as(vendor).doesNotContainAnyElementsOf(common);
        }
        assertThat(scripts("h2")).containsExactlyElementsOf(scripts("postgresql"));
        for (String script : scripts("h2")) {
            assertThat(Files.readString(MIGRATIONS.resolve("h2").resolve(script)))
                    .as(script + " is the same for both databases, so it belongs in common")
                    .isNotEqualTo(Files.readString(MIGRATIONS.resolve("postgresql").resolve(script)));
        }
    }

    @Test
    void h2InstallationsKeepTheChecksumsTheyRecorded() {
        assertThat(checksums("h2")).containsAllEntriesOf(H2);
    }

    @Test
    void postgresqlInstallationsKeepTheChecksumsTheyRecorded() {
        assertThat(checksums("postgresql")).containsAllEntriesOf(POSTGRESQL);
    }

    /** The checksums Flyway resolves from the application's locations for one vendor, by version. */
    private static Map<String, Integer> checksums(String vendor) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:layout-" + vendor);
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load();
        Map<String, Integer> out = new LinkedHashMap<>();
        for (MigrationInfo info : flyway.info().all()) {
            out.put(info.getVersion().getVersion(), info.getChecksum());
        }
        return out;
    }

    private static List<String> scripts(String folder) throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS.resolve(folder))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
