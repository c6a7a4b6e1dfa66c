package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.audit.AuditEvent;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;

/**
 * The audit log against a database administrator: the attack that passed before — drop the append-only trigger, edit a
 * row, recompute the chain — now fails {@code ward audit --verify}, because the chain is keyed with a key the database
 * does not hold, the trigger's absence is checked, and each day's head was written down outside the database. A log
 * written by an earlier Ward (unkeyed) still verifies, and is sealed by the first command that writes.
 */
class AuditTamperingTests {

    @TempDir
    Path dir;

    Simulator simulator;
    Path config;

    @BeforeEach
    void start() throws IOException {
        simulator = ScanHarness.clinic();
        Map<String, Object> settings = new LinkedHashMap<>(ScanHarness.h2(simulator, dir.resolve("data")));
        settings.remove("spring.datasource.url");
        settings.remove("logging.file.name");
        settings.put("ward.policy.pack", Path.of(ScanHarness.CLINIC_POLICY).toAbsolutePath().toString());
        List<String> lines = new ArrayList<>();
        settings.forEach((k, v) -> lines.add(k + "=" + String.valueOf(v).replace("\\", "\\\\")));
        config = Files.write(dir.resolve("ward.properties"), lines);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void droppingTheTriggerEditingARowAndRecomputingTheChainIsFound() throws Exception {
        writeEntries(3);
        assertThat(ward("audit", "--verify").exitCode()).isZero();

        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("DROP TRIGGER ward_audit_append_only");
            sql.executeUpdate("UPDATE ward_audit SET outcome = 'nothing was removed' WHERE audit_id = 2");
            recomputeTheChainWithoutAKey(db);
        }
        CommandRun verify = ward("audit", "--verify");

        assertThat(verify.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(verify.err()).startsWith("ward: The audit log fails verification: ")
                .contains("the trigger that keeps ward_audit append-only is missing")
                .contains("no longer has the hash written down on");
    }

    @Test
    void aCarefulAttackerWhoRestoresTheTriggerIsFoundToo() throws Exception {
        writeEntries(3);
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("DROP TRIGGER ward_audit_append_only");
            sql.executeUpdate("UPDATE ward_audit SET actor = 'nobody' WHERE audit_id = 1");
            recomputeTheChainWithoutAKey(db);
            sql.execute("CREATE TRIGGER ward_audit_append_only BEFORE UPDATE, DELETE ON ward_audit FOR EACH ROW CALL"
                    + " 'org.ward.connector.audit.AppendOnlyTrigger'");
        }
        CommandRun verify = ward("audit", "--verify");

        assertThat(verify.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(verify.err()).doesNotContain("trigger").contains("the log was rewritten");
    }

    @Test
    void aMissingTriggerIsReportedAndRecreatedByTheNextCommandThatWrites() throws Exception {
        writeEntries(1);
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("DROP TRIGGER ward_audit_append_only");
        }
        assertThat(ward("audit", "--verify").err()).contains("the trigger that keeps ward_audit append-only is missing");

        writeEntries(0); // any command that writes starts like this
        CommandRun after = ward("audit", "--verify");
        assertThat(after.exitCode()).isZero();
        assertThat(ward("audit").out()).contains("restore-append-only-trigger");
    }

    @Test
    void aLogFromAnEarlierWardStillVerifiesAndIsSealedByTheFirstCommandThatWrites() throws Exception {
        writeEntries(0);
        try (Connection db = database()) {
            insertUnkeyed(db, 1, "accept-risk", "accepted until March");
            insertUnkeyed(db, 2, "remove-link", "applied");
        }
        CommandRun legacy = ward("audit", "--verify");
        assertThat(legacy.exitCode()).isZero();
        assertThat(legacy.out()).contains("2 entries form an unbroken hash chain").contains("the next command that writes");

        writeEntries(0); // seals the unkeyed entries
        CommandRun sealed = ward("audit", "--verify");
        assertThat(sealed.exitCode()).isZero();
        assertThat(sealed.out()).contains("3 entries form an unbroken hash chain, keyed with audit key")
                .contains("the 2 earlier unkeyed entries are sealed by the first keyed one");

        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("DROP TRIGGER ward_audit_append_only");
            sql.executeUpdate("UPDATE ward_audit SET outcome = 'refused' WHERE audit_id = 2");
            recomputeTheChainWithoutAKey(db);
            sql.execute("CREATE TRIGGER ward_audit_append_only BEFORE UPDATE, DELETE ON ward_audit FOR EACH ROW CALL"
                    + " 'org.ward.connector.audit.AppendOnlyTrigger'");
        }
        assertThat(ward("audit", "--verify").exitCode()).isEqualTo(ExitCodes.FAILED);
    }

    /** Starts Ward as a writing command does and appends entries through its audit log. */
    private void writeEntries(int count) {
        Map<String, Object> settings = new LinkedHashMap<>(ScanHarness.h2(simulator, dir.resolve("data")));
        settings.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("data").resolve("ward"));
        try (ConfigurableApplicationContext ward = ScanHarness.start(settings)) {
            for (int i = 0; i < count; i++) {
                ward.getBean(AuditLog.class).append(new AuditEvent("alice", "F-000000000000000" + i, "remove-link",
                        "DELETE /drives/d/items/i/permissions/p" + i, "{\"id\":\"p" + i + "\"}", null, "applied"));
            }
        }
    }

    private Connection database() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data").resolve("ward"), "sa", "");
    }

    /** What the attacker can compute: the chain as the first Ward made it, SHA-256 with no key. */
    private static void recomputeTheChainWithoutAKey(Connection db) throws Exception {
        String previous = "0".repeat(64);
        List<Object[]> rows = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("SELECT audit_id, at, actor, finding_id,"
                + " action, graph_request, before_json, after_json, outcome FROM ward_audit ORDER BY audit_id")) {
            while (rs.next()) {
                rows.add(new Object[] {rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                    rs.getString(9)});
            }
        }
        for (Object[] row : rows) {
            String hash = unkeyed(previous, row);
            try (PreparedStatement update = db.prepareStatement("UPDATE ward_audit SET previous_hash = ?, hash = ?,"
                    + " chain = 1, key_id = NULL WHERE audit_id = ?")) {
                update.setString(1, previous);
                update.setString(2, hash);
                update.setLong(3, (Long) row[0]);
                update.executeUpdate();
            }
            previous = hash;
        }
    }

    private static void insertUnkeyed(Connection db, long id, String action, String outcome) throws Exception {
        String previous = "0".repeat(64);
        if (id > 1) {
            try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("SELECT hash FROM ward_audit WHERE"
                    + " audit_id = " + (id - 1))) {
                rs.next();
                previous = rs.getString(1);
            }
        }
        Instant at = Instant.parse("2026-01-0" + id + "T10:00:00Z");
        Object[] row = {id, at, "carol", null, action, null, null, null, outcome};
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO ward_audit (audit_id, at, actor, finding_id, action,"
                + " graph_request, before_json, after_json, outcome, previous_id, previous_hash, hash, chain) VALUES"
                + " (?, ?, ?, NULL, ?, NULL, NULL, NULL, ?, ?, ?, ?, 1)")) {
            insert.setLong(1, id);
            insert.setTimestamp(2, Timestamp.from(at));
            insert.setString(3, "carol");
            insert.setString(4, action);
            insert.setString(5, outcome);
            if (id > 1) {
                insert.setLong(6, id - 1);
            } else {
                insert.setNull(6, java.sql.Types.BIGINT);
            }
            insert.setString(7, previous);
            insert.setString(8, unkeyed(previous, row));
            insert.executeUpdate();
        }
    }

    /** The first Ward's row hash: SHA-256 over the previous hash and the length-prefixed fields. */
    private static String unkeyed(String previous, Object[] row) throws Exception {
        StringBuilder content = new StringBuilder(previous);
        Object[] fields = {String.valueOf(row[0]), row[1].toString(), row[2], row[3], row[4], row[5], row[6], row[7], row[8]};
        for (Object field : fields) {
            String text = (String) field;
            content.append('|').append(text == null ? "-1:" : text.length() + ":" + text);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toString()
                .getBytes(StandardCharsets.UTF_8)));
    }

    private CommandRun ward(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--config");
        all.add(config.toString());
        int code = new WardCli(console).run(all.toArray(String[]::new));
        return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
