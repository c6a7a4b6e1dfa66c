package org.ward.connector.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.evidence.EvidencePack;
import org.ward.connector.evidence.PackCheck;
import org.ward.connector.evidence.PackSeal;
import org.ward.connector.evidence.SigningKeys;
import org.ward.connector.notifications.WatchedDrives;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.serve.ServeHarness.Located;
import org.ward.simulator.Simulator;
import org.ward.simulator.subscriptions.SubscriptionState;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * ward serve on PostgreSQL, as deployed: a process killed after Graph got its 202, two instances on one database, and
 * a database that is down when the service starts.
 */
class ServePostgresTests {

    private static final Duration LONG = Duration.ofSeconds(90);
    /**
     * Scheduled occurrences on a loaded 2-core machine: a sealed pack (PDF charts, workbook, signature) took 12 s at a
     * load average of 10, next to identity runs every second on both instances. The wait ends when the packs are there.
     */
    private static final Duration SCHEDULED = Duration.ofMinutes(3);

    static EmbeddedPostgres postgres;
    static Simulator simulator;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE killed");
            s.execute("CREATE DATABASE pair");
        }
        simulator = ServeHarness.clinic();
    }

    @AfterAll
    static void stop() throws IOException {
        simulator.close();
        postgres.close();
    }

    @Test
    void aNotificationAnsweredBeforeAKillIsProcessedAfterTheRestart() throws Exception {
        int port = ServeHarness.freePort();
        Map<String, Object> settings = settings("killed", work.resolve("killed"), port);
        // The first process records notifications but never gets round to them: it is killed with them in the outbox.
        Map<String, Object> recordOnly = new LinkedHashMap<>(settings);
        recordOnly.put("ward.serve.coalesce", "1h");
        Process child = serveInChildProcess(recordOnly);
        try {
            await().atMost(LONG).until(() -> subscribedAt(port) > 0 && subscribedAt(port) == ward("killed",
                    "SELECT COUNT(*) FROM ward_subscription WHERE state = 'ACTIVE'") || !child.isAlive());
            assertThat(child.isAlive()).as("ward serve runs in the child process").isTrue();
            Located consultation = find("Consultation 999 000 0018.mp4");
            simulator.changes().createLink(consultation.drive().id, consultation.item().id, "view", "anonymous", null, false,
                    List.of());
            await().atMost(LONG).until(() -> ward("killed", "SELECT COUNT(*) FROM ward_change WHERE kind = 'CHANGE'") > 0);
        } finally {
            child.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no graceful anything
        }
        assertThat(ward("killed", "SELECT COUNT(*) FROM ward_finding WHERE type = 'ANONYMOUS_LINK' AND item_id = '"
                + find("Consultation 999 000 0018.mp4").item().id + "'")).isZero();

        try (ConfigurableApplicationContext restarted = ServeHarness.start(settings)) {
            await().atMost(LONG).until(() -> ward("killed", "SELECT COUNT(*) FROM ward_finding WHERE type = 'ANONYMOUS_LINK'"
                    + " AND item_id = '" + find("Consultation 999 000 0018.mp4").item().id + "'") == 1
                    && ward("killed", "SELECT COUNT(*) FROM ward_change WHERE kind = 'CHANGE'") == 0);
        }
    }

    @Test
    void twoInstancesProcessEachNotificationOnceAndRunEachScheduledOccurrenceOnce() throws Exception {
        int portA = ServeHarness.freePort();
        int portB = ServeHarness.freePort();
        Map<String, Object> a = settings("pair", work.resolve("a"), portA);
        Map<String, Object> b = settings("pair", work.resolve("b"), portB);
        SigningKeys signer = SigningKeys.create("Ward evidence (pair)");
        Map<String, Object> signing = signer.pem(work.resolve("signing"));
        Path packs = work.resolve("packs");
        for (Map<String, Object> instance : List.of(a, b)) {
            // Both write scheduled evidence packs into one folder, as instances sharing a file share would.
            instance.putAll(signing);
            instance.put("ward.evidence.schedule", "*/3 * * * * *");
            instance.put("ward.evidence.scheduled-out", packs.toString());
            // Both answer at A's address, as instances behind one load balancer answer at one.
            instance.put("ward.webhook.public-url", "http://127.0.0.1:" + portA);
            instance.put("ward.serve.identity-cron", "* * * * * *");
            // Almost the whole second: an instance whose occurrence fires late on a loaded machine finds it taken, and
            // the next second's occurrence finds the lock free.
            instance.put("ward.serve.lock-at-least", "900ms");
        }
        try (ConfigurableApplicationContext first = ServeHarness.start(a);
                ConfigurableApplicationContext second = ServeHarness.start(b)) {
            WatchedDrives watched = first.getBean(WatchedDrives.class);
            await().atMost(LONG).until(() -> !watched.drives().isEmpty() && subscribedAt(portA) == watched.drives().size());
            Located huddle = find("Clinic huddle-20261101_090000-Meeting Recording.mp4");
            Located waitingRoom = find("Waiting room.mp4");
            List<String> added = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Located where = i % 2 == 0 ? huddle : waitingRoom;
                added.add(simulator.changes().addFile(where.drive().id, where.item().parentId,
                        NewFile.named("Consultation 999 000 01" + (50 + i) + ".mp4", "pair-" + i)
                                .withMedia(new Item.Media("video", 600_000L, 1280, 720, null, null))).id);
            }

            await().atMost(LONG).until(() -> added.stream().allMatch(id -> {
                long n = ward("pair", "SELECT COUNT(*) FROM ward_item WHERE item_id = '" + id + "'");
                return n == 1;
            }) && ward("pair", "SELECT COUNT(*) FROM ward_change") == 0);
            // Identity occurrences ran, and some were skipped because the other instance had run them.
            await().atMost(SCHEDULED).until(() -> count(first, "ward.schedule.runs", "job", "ward-identity", "ran")
                    + count(second, "ward.schedule.runs", "job", "ward-identity", "ran") >= 3
                    && count(first, "ward.schedule.runs", "job", "ward-identity", "skipped")
                            + count(second, "ward.schedule.runs", "job", "ward-identity", "skipped") > 0);

            double accepted = sum(first, "ward.notifications.accepted") + sum(second, "ward.notifications.accepted");
            double processed = changesProcessed(first) + changesProcessed(second);
            assertThat(processed).as("change notifications processed by A and B together").isEqualTo(
                    count(first, "ward.notifications.accepted", "kind", "change", null)
                            + count(second, "ward.notifications.accepted", "kind", "change", null));
            assertThat(accepted).isPositive();
            // Each second's occurrence ran once: no two identity runs started in the same second.
            assertThat(ward("pair", "SELECT COUNT(*) FROM (SELECT date_trunc('second', started_at) s FROM ward_scan"
                    + " WHERE status = 'IDENTITY' GROUP BY s HAVING COUNT(*) > 1) t"))
                    .isZero();

            // The scheduled evidence pack: each occurrence written once, by whichever instance took the lock, and sealed.
            await().atMost(SCHEDULED).untilAsserted(() -> {
                String state = "evidence occurrences " + outcomes(first, second, "ward-evidence") + "; lock " + ward("pair",
                        "SELECT COALESCE((SELECT EXTRACT(EPOCH FROM lock_until - timezone('utc', CURRENT_TIMESTAMP))::bigint"
                                + " FROM ward_schedule_lock WHERE name = 'ward-evidence'), 0)") + " s from now; scans "
                        + scans("pair");
                assertThat(sealedPacks(packs)).as("sealed packs; " + state).hasSizeGreaterThanOrEqualTo(2);
                assertThat(count(first, "ward.schedule.runs", "job", "ward-evidence", "skipped")
                        + count(second, "ward.schedule.runs", "job", "ward-evidence", "skipped"))
                        .as("occurrences the other instance wrote; " + state).isPositive();
            });
            List<Path> sealed = sealedPacks(packs);
            for (Path pack : sealed) {
                // The signature may be the file being written this instant: its check settles once written.
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    PackCheck check = PackSeal.check(pack, java.util.Optional.of(signer.certificate()));
                    assertThat(check.intact()).as(pack + ": " + check.problems()).isTrue();
                });
                assertThat(pack.resolve(EvidencePack.MANIFEST)).content().contains("\"latestScanId\"");
            }
            assertThat(count(first, "ward.schedule.runs", "job", "ward-evidence", "failed")
                    + count(second, "ward.schedule.runs", "job", "ward-evidence", "failed"))
                    .as("occurrences that failed (two instances writing one occurrence's folder would)").isZero();
        }
        // Stopping (with jobs running: identity every second, upkeep every half second) gives every lock back.
        assertThat(ward("pair", "SELECT COUNT(*) FROM ward_schedule_lock WHERE lock_until > timezone('utc',"
                + " CURRENT_TIMESTAMP) + INTERVAL '1 minute'")).as("locks held for their at-most time").isZero();
    }

    @Test
    void aDatabaseDownAtStartIsOneSentenceAndAFailingReadinessProbeUntilItAnswers() throws Exception {
        int databasePort = ServeHarness.freePort();
        int port = ServeHarness.freePort();
        Map<String, Object> settings = settings("postgres", work.resolve("down"), port);
        settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres");
        settings.put("ward.serve.database-retry", "200ms");
        settings.put("ward.serve.scan-at-start", "false");
        try (ConfigurableApplicationContext ward = ServeHarness.start(settings)) {
            var readiness = ServeHarness.get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).as("the public port shows the check's status, not where the database is")
                    .contains("\"database\":{\"status\":\"DOWN\"}").doesNotContain("jdbc:");
            assertThat(ward.getBean(DatabaseStart.class).health().getDetails().values()).as("the operator's sentence")
                    .anyMatch(detail -> String.valueOf(detail).contains("Ward cannot reach its database at"
                            + " jdbc:postgresql://127.0.0.1:" + databasePort + "/postgres"));
            assertThat(ServeHarness.get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            var refused = ServeHarness.post(port, "/graph/notifications", "application/json", ServeHarness.notification("x", "y"));
            assertThat(refused.statusCode()).as("Graph is asked to retry: " + refused.body()).isEqualTo(503);

            try (EmbeddedPostgres late = EmbeddedPostgres.builder().setPort(databasePort).start()) {
                await().atMost(LONG).until(() -> ServeHarness.get(port, "/actuator/health/readiness").statusCode() == 200);
            }
        }
    }

    // ---- helpers ----

    /** The scans' register rows (not the identity runs'), for a failure message: no completed scan, no evidence pack. */
    private static String scans(String database) {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT scan_id, status, job_execution_id FROM ward_scan"
                        + " WHERE status <> 'IDENTITY' ORDER BY scan_id")) {
            StringBuilder all = new StringBuilder();
            while (rows.next()) {
                all.append('#').append(rows.getLong(1)).append(' ').append(rows.getString(2)).append(" (job ")
                        .append(rows.getLong(3)).append(") ");
            }
            return all.isEmpty() ? "none" : all.toString().trim();
        } catch (SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static Map<String, Object> settings(String database, Path dataDir, int port) {
        Map<String, Object> settings = new LinkedHashMap<>(ScanHarness.asApp(ScanHarness.settings(simulator.info(),
                postgres.getJdbcUrl("postgres", database), dataDir, ScanHarness.CLINIC_POLICY), simulator, ServeHarness.APP));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "");
        settings.putAll(ServeHarness.service(port));
        return settings;
    }

    private Process serveInChildProcess(Map<String, Object> settings) throws IOException {
        Path config = work.resolve("child.properties");
        List<String> lines = new ArrayList<>();
        settings.forEach((k, v) -> lines.add(k + "=" + String.valueOf(v).replace("\\", "\\\\")));
        Files.write(config, lines);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.ward.connector.cli.WardCli",
                "serve", "--config", config.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("child.out").toFile())
                .start();
    }

    /** The dated pack folders whose seal (the last file written) is in place. */
    private static List<Path> sealedPacks(Path packs) throws IOException {
        if (!Files.isDirectory(packs)) {
            return List.of();
        }
        try (var folders = Files.list(packs)) {
            return folders.filter(f -> Files.exists(f.resolve(PackSeal.SIGNATURE))).sorted().toList();
        }
    }

    private static long subscribedAt(int port) {
        String url = "http://127.0.0.1:" + port + "/graph/notifications";
        return simulator.changeNotifications().subscriptions().stream().map(SubscriptionState::notificationUrl)
                .filter(url::equals).count();
    }

    private static long ward(String database, String sql) {
        try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery(sql);
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return -1;
            }
            throw new IllegalStateException(e);
        }
    }

    private static String outcomes(ConfigurableApplicationContext a, ConfigurableApplicationContext b, String job) {
        Map<String, Double> outcomes = new LinkedHashMap<>();
        for (String outcome : List.of("ran", "skipped", "failed")) {
            outcomes.put(outcome, count(a, "ward.schedule.runs", "job", job, outcome) + count(b, "ward.schedule.runs", "job",
                    job, outcome));
        }
        return outcomes.toString();
    }

    private static double changesProcessed(ConfigurableApplicationContext ward) {
        return count(ward, "ward.notifications.processed", "kind", "change", null);
    }

    private static double count(ConfigurableApplicationContext ward, String name, String tag, String value, String outcome) {
        var search = ward.getBean(MeterRegistry.class).find(name).tag(tag, value);
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static double sum(ConfigurableApplicationContext ward, String name) {
        return ward.getBean(MeterRegistry.class).find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static Located find(String name) {
        return ServeHarness.find(simulator, name);
    }
}
