package org.ward.connector.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.findings.Finding;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorMain;
import org.ward.simulator.fixture.TenantGenerator;
import org.ward.simulator.throttle.Latency;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Kill the process mid-scan, run it again, and it resumes from the last committed chunk; the findings are the same
 * as an uninterrupted scan's. Runs the PostgreSQL path against a real PostgreSQL server.
 */
class ScanRestartIntegrationTests {

    static EmbeddedPostgres postgres;
    static Simulator simulator;

    @TempDir
    Path work;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE resumed");
            s.execute("CREATE DATABASE uninterrupted");
        }
        TenantGenerator tenant = new TenantGenerator(8, 2_500, 7);
        // Slow answers so the kill lands mid-inventory; no resource-unit budget, which is not what this spec is about.
        simulator = Simulator.builder().latency(new Latency(Duration.ofMillis(150), 0.2)).throttling(false)
                .tenant((clock, authority) -> tenant.generate(clock, "restart-test-secret", SimulatorMain.FULL_PERMISSIONS))
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        simulator.close();
        postgres.close();
    }

    @Test
    void killedScanResumesAndFindsWhatAnUninterruptedScanFinds() throws Exception {
        Map<String, Object> resumed = settings("resumed", work.resolve("resumed"));
        Process child = scanInChildProcess(resumed);
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> itemCount("resumed") >= 2_000 || !child.isAlive());
        assertThat(child.isAlive()).as("the scan was still running when killed").isTrue();
        child.destroyForcibly().waitFor();
        long itemsAtKill = itemCount("resumed");
        assertThat(itemsAtKill).isLessThan(expectedItems());

        ScanService.Outcome outcome;
        List<Finding> afterResume;
        ScanRuns.ScanRun run;
        simulator.requestLog().clear();
        try (ConfigurableApplicationContext context = ScanHarness.start(resumed)) {
            outcome = context.getBean(ScanService.class).scan();
            afterResume = ScanHarness.open(context);
            run = context.getBean(ScanRuns.class).find(outcome.scanId()).orElseThrow();
        }
        long resumedRunRequests = simulator.requestLog().count(e -> !e.inBatch());
        List<Finding> uninterrupted = ScanHarness.scan(settings("uninterrupted", work.resolve("uninterrupted")));

        assertThat(outcome.resumed()).isTrue();
        assertThat(run.runs()).isEqualTo(2);
        assertThat(run.graphRequests()).as("the figures count the killed run's traffic too").isGreaterThan(resumedRunRequests);
        assertThat(itemCount("resumed")).isEqualTo(itemCount("uninterrupted")).isEqualTo(expectedItems());
        assertThat(keys(afterResume)).isNotEmpty().isEqualTo(keys(uninterrupted));
    }

    private Map<String, Object> settings(String database, Path dataDir) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(ScanHarness.settings(simulator.info(),
                postgres.getJdbcUrl("postgres", database), dataDir, "nhs-england"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("spring.datasource.password", "");
        settings.put("ward.graph.resilience.max-concurrent-requests", 2);
        settings.put("ward.graph.resilience.resource-units-per-minute", 1_000_000);
        return settings;
    }

    private Process scanInChildProcess(Map<String, Object> settings) throws IOException {
        Path config = work.resolve("child.properties");
        List<String> lines = new ArrayList<>();
        settings.forEach((k, v) -> lines.add(k + "=" + String.valueOf(v).replace("\\", "\\\\")));
        Files.write(config, lines);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.ward.connector.cli.WardCli", "scan", "--config",
                config.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("child.out").toFile()).start();
    }

    private long itemCount(String database) throws SQLException {
        try (Connection c = postgres.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ward_item WHERE folder = FALSE");
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    private static long expectedItems() {
        return simulator.tenant().read(() -> simulator.tenant().drives().stream()
                .mapToLong(d -> d.allItems().stream().filter(i -> !i.folder && !i.deleted).count()).sum());
    }

    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.id() + " " + f.type() + " " + f.severity()).collect(Collectors.toCollection(TreeSet::new));
    }
}
