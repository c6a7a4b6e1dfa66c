package org.ward.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each table has one owning package; everyone else asks that package's store. SQL naming a table outside its owner
 * fails the build, with the file and line (docs/architecture.md, "Data").
 */
class TableOwnershipTests {

    /** Table to owning package. Spring Batch's tables belong to Spring Batch: no Ward class names them. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("ward_scan", "org.ward.connector.runs"),
            Map.entry("ward_location", "org.ward.connector.discovery"),
            Map.entry("ward_drive", "org.ward.connector.discovery"),
            Map.entry("ward_discovery_unit", "org.ward.connector.discovery"),
            Map.entry("ward_item", "org.ward.connector.inventory"),
            Map.entry("ward_finding", "org.ward.connector.findings"),
            Map.entry("ward_finding_event", "org.ward.connector.findings"),
            Map.entry("ward_access", "org.ward.connector.sharing"),
            Map.entry("ward_access_state", "org.ward.connector.sharing"),
            Map.entry("ward_group_member", "org.ward.connector.sharing"),
            Map.entry("ward_sharing_sweep", "org.ward.connector.sharing"),
            Map.entry("ward_permission_root", "org.ward.connector.sharing"),
            Map.entry("ward_sharing_reads", "org.ward.connector.sharing"),
            Map.entry("ward_signin_cursor", "org.ward.connector.identity"),
            Map.entry("ward_signin_user", "org.ward.connector.identity"),
            Map.entry("ward_identity_anomaly", "org.ward.connector.identity"),
            Map.entry("ward_audit", "org.ward.connector.audit"),
            Map.entry("ward_subscription", "org.ward.connector.notifications"),
            Map.entry("ward_change", "org.ward.connector.notifications"),
            Map.entry("ward_change_drive", "org.ward.connector.notifications"),
            Map.entry("ward_schedule_lock", "org.ward.connector.serve"),
            Map.entry("ward_serve_instance", "org.ward.connector.serve"),
            Map.entry("ward_label_change", "org.ward.connector.protect"),
            Map.entry("ward_alert_outbox", "org.ward.connector.alerts"),
            Map.entry("ward_alert_cursor", "org.ward.connector.alerts"),
            Map.entry("ward_owner_notice", "org.ward.connector.alerts"));

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern TABLE = Pattern.compile("\\b(ward_[a-z_]+|BATCH_[A-Z_]+)\\b");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE TABLE (\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern INDEX = Pattern.compile("(?i)CREATE (?:UNIQUE )?INDEX (\\w+) ON (\\w+)");
    private static final Pattern TRIGGER = Pattern.compile("(?is)CREATE TRIGGER (\\w+)\\b.*?\\bON (\\w+)(.*?)(?:;|$)");
    private static final Pattern EXECUTES = Pattern.compile("(?i)EXECUTE (?:FUNCTION|PROCEDURE) (\\w+)");

    /**
     * The table each of the migrations' other objects belongs to: an index or a trigger is its table's, and so is the
     * function a trigger on it runs. Code that checks or restores them (the audit log's triggers) names them, and they
     * have their table's owner.
     */
    static final Map<String, String> TABLE_OF = tableOfObjects();

    @Test
    void sqlNamesATableOnlyInTheTablesOwner() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> violations.addAll(violations(f.toString(), read(f))));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        TreeSet<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher m = CREATED.matcher(read(f));
                while (m.find()) {
                    tables.add(m.group(1));
                }
            });
        }
        assertThat(tables.stream().filter(t -> !t.startsWith("BATCH_"))).as("tables created by the migrations")
                .containsExactlyInAnyOrderElementsOf(OWNERS.keySet());
    }

    @Test
    void sqlOverAnotherPackagesTableIsReportedWithItsLine() {
        String source = "package org.ward.connector.report;\n\nclass Peek {\n    // ward_item in a comment is no SQL\n"
                + "    String sql = \"SELECT COUNT(*) FROM ward_item\";\n    String batch = \"\"\"\n        SELECT * FROM BATCH_JOB_INSTANCE\n"
                + "        \"\"\";\n}\n";

        assertThat(violations("Peek.java", source)).containsExactly(
                "Peek.java line 5: ward_item belongs to org.ward.connector.inventory, not org.ward.connector.report",
                "Peek.java line 7: BATCH_JOB_INSTANCE belongs to Spring Batch, not org.ward.connector.report");
    }

    @Test
    void aTriggerOrItsFunctionBelongsToItsTablesOwner() {
        String source = "package org.ward.connector.audit;\n\nclass Guard {\n"
                + "    String sql = \"DROP TRIGGER IF EXISTS ward_audit_no_truncate ON ward_audit\";\n"
                + "    String function = \"CREATE OR REPLACE FUNCTION ward_audit_refuse_change()\";\n}\n";

        assertThat(violations("Guard.java", source)).isEmpty();
        assertThat(violations("Guard.java", source.replace("connector.audit", "connector.report"))).containsExactly(
                "Guard.java line 4: ward_audit_no_truncate belongs to org.ward.connector.audit, not org.ward.connector.report",
                "Guard.java line 4: ward_audit belongs to org.ward.connector.audit, not org.ward.connector.report",
                "Guard.java line 5: ward_audit_refuse_change belongs to org.ward.connector.audit, not org.ward.connector.report");
    }

    /** Table names in the source's string literals (text blocks included) outside the table's owner. */
    static List<String> violations(String file, String source) {
        Matcher pkg = PACKAGE.matcher(source);
        String here = pkg.find() ? pkg.group(1) : "";
        List<String> out = new ArrayList<>();
        for (Literal literal : literals(source)) {
            Matcher m = TABLE.matcher(literal.text());
            while (m.find()) {
                String table = m.group(1);
                String owner = table.startsWith("BATCH_") ? "Spring Batch"
                        : OWNERS.getOrDefault(TABLE_OF.getOrDefault(table, table), "no package (add it to OWNERS)");
                if (!owner.equals(here)) {
                    int line = literal.line() + (int) literal.text().substring(0, m.start()).chars().filter(c -> c == '\n').count();
                    out.add(file + " line " + line + ": " + table + " belongs to " + owner + ", not " + here);
                }
            }
        }
        return out;
    }

    private record Literal(String text, int line) {
    }

    /** The string literals of a Java source, skipping comments and character literals. */
    private static List<Literal> literals(String s) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
            } else if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i) - 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 1;
            } else if (c == '\'') {
                i = s.charAt(i + 1) == '\\' ? s.indexOf('\'', i + 3) : i + 2;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                out.add(new Literal(s.substring(i + 3, end), line));
                line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 2;
            } else if (c == '"') {
                int end = i + 1;
                while (s.charAt(end) != '"') {
                    end += s.charAt(end) == '\\' ? 2 : 1;
                }
                out.add(new Literal(s.substring(i + 1, end), line));
                i = end;
            }
        }
        return out;
    }

    private static Map<String, String> tableOfObjects() {
        Map<String, String> out = new java.util.HashMap<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            files.filter(f -> f.toString().endsWith(".sql")).map(TableOwnershipTests::read).forEach(sql -> {
                Matcher index = INDEX.matcher(sql);
                while (index.find()) {
                    out.put(index.group(1), index.group(2));
                }
                Matcher trigger = TRIGGER.matcher(sql);
                while (trigger.find()) {
                    out.put(trigger.group(1), trigger.group(2));
                    Matcher executes = EXECUTES.matcher(trigger.group(3));
                    while (executes.find()) {
                        out.put(executes.group(1), trigger.group(2));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
