package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.flywaydb.core.Flyway;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.util.ClassUtils;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.ward.connector.WardApplication;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.database.DataFolder;
import org.ward.connector.database.DatabaseConfiguration;
import org.ward.connector.database.DatabaseUpgrade;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.policy.PolicyConfiguration;
import org.ward.connector.privacy.InstallationKey;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;

import com.microsoft.graph.serviceclient.GraphServiceClient;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;

/**
 * ward findings and ward audit read only Ward's database: they start without Spring Batch or a Graph client and need
 * no Graph settings, so a compliance officer can run them on a machine that holds no Graph credentials.
 */
class ReadOnlyCommandsTests {

    static Path dataDir;

    @BeforeAll
    static void scanTheClinic() throws Exception {
        dataDir = Files.createTempDirectory("ward-read-only-commands");
        try (Simulator simulator = ScanHarness.clinic()) {
            ScanHarness.scan(ScanHarness.h2(simulator, dataDir));
        }
    }

    private static CliRun ward(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = new WardCli(console).run(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record CliRun(int code, String out, String err) {
    }

    @Test
    void findingsAnswerWithNoGraphSettingsAtAll() {
        CliRun run = ward("findings", "--data-dir", dataDir.toString(), "--policy", ScanHarness.CLINIC_POLICY);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("F-").containsPattern("\\d+ findings \\(open\\)\\.");
    }

    @Test
    void findingsAnswerQuietlyWhereTheLogFileCannotBeWritten() throws IOException {
        Path notAFolder = Files.writeString(Files.createTempDirectory("ward-log").resolve("not-a-folder"), "x");
        Path config = Files.writeString(notAFolder.resolveSibling("ward.properties"), "logging.file.name="
                + notAFolder.resolve("ward.log").toString().replace("\\", "\\\\"));
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        CliRun run;
        try {
            run = ward("findings", "--data-dir", dataDir.toString(), "--policy", ScanHarness.CLINIC_POLICY, "--config",
                    config.toString());
        } finally {
            System.setErr(before);
        }

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("F-");
        assertThat(run.err() + systemErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void auditVerifiesWithNoGraphSettingsAtAll() {
        CliRun run = ward("audit", "--verify", "--data-dir", dataDir.toString(), "--policy", ScanHarness.CLINIC_POLICY);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("unbroken hash chain");
    }

    @Test
    void theReadOnlyContextHoldsNoBatchInfrastructureAndNoGraphClient() {
        try (ConfigurableApplicationContext context = WardApplication.runReadOnly(Map.of("ward.data-dir",
                dataDir.toString(), "ward.policy.pack", ScanHarness.CLINIC_POLICY, DataFolder.READ_ONLY, true))) {
            assertThat(context.getBeanNamesForType(JobRepository.class)).isEmpty();
            assertThat(context.getBeanNamesForType(GraphServiceClient.class)).isEmpty();
            assertThat(context.getBeanNamesForType(GraphSettings.class)).isEmpty();
        }
    }

    @Test
    void theReadOnlyContextStartsNoMetricsValidationExecutorsOrTransactionProxies() {
        try (ConfigurableApplicationContext context = WardApplication.runReadOnly(Map.of("ward.data-dir",
                dataDir.toString(), "ward.policy.pack", ScanHarness.CLINIC_POLICY, DataFolder.READ_ONLY, true))) {
            assertThat(context.getBeanNamesForType(MeterRegistry.class)).isEmpty();
            assertThat(context.getBeanNamesForType(Validator.class)).isEmpty();
            assertThat(context.getBeanNamesForType(TaskExecutor.class)).isEmpty();
            assertThat(context.getBeanNamesForType(TransactionInterceptor.class)).isEmpty();
            assertThat(context.getBeanNamesForType(Flyway.class)).as("the version check is one query").isEmpty();
        }
    }

    @Test
    void theReadOnlyContextHoldsEveryComponentOfItsPackages() {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);
        try (ConfigurableApplicationContext context = WardApplication.runReadOnly(Map.of("ward.data-dir",
                dataDir.toString(), "ward.policy.pack", ScanHarness.CLINIC_POLICY, DataFolder.READ_ONLY, true))) {
            for (Class<?> inPackage : List.of(DatabaseUpgrade.class, PolicyConfiguration.class, InstallationKey.class,
                    FindingStore.class, AuditLog.class)) {
                for (BeanDefinition component : scan.findCandidateComponents(inPackage.getPackageName())) {
                    // Flyway's wiring: these commands never upgrade, and ReadOnlyDatabase checks the version instead.
                    if (!component.getBeanClassName().equals(DatabaseConfiguration.class.getName())) {
                        assertThat(context.getBeanNamesForType(ClassUtils.resolveClassName(component.getBeanClassName(),
                                null))).as(component.getBeanClassName()).isNotEmpty();
                    }
                }
            }
        }
    }

    /** The newest and the one-before versions in Flyway's history of the scanned database (this Ward's two last). */
    private static List<String> lastTwoVersions() throws Exception {
        Path copy = databaseWhoseHistory("SELECT 1");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("ward"), "sa", "");
                Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\""
                        + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC LIMIT 2")) {
            rows.next();
            String newest = rows.getString(1);
            rows.next();
            return List.of(newest, rows.getString(1));
        }
    }

    /** A copy of the scanned database whose Flyway history {@code change} alters, as another Ward version would. */
    private static Path databaseWhoseHistory(String change) throws Exception {
        Path copy = Files.createTempDirectory("ward-read-only-version");
        Files.copy(dataDir.resolve("ward.mv.db"), copy.resolve("ward.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("ward"), "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute(change);
        }
        return copy;
    }

    @Test
    void refusesADatabaseBehindThisWardInOneSentence() throws Exception {
        List<String> last = lastTwoVersions();
        Path behind = databaseWhoseHistory("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '" + last.get(0)
                + "'");

        CliRun run = ward("findings", "--data-dir", behind.toString(), "--policy", ScanHarness.CLINIC_POLICY);

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        // The URL as the command opens it: read-only, never creating the file.
        assertThat(run.err().strip()).startsWith("ward: Ward's database (spring.datasource.url=jdbc:h2:file:" + behind
                + "/ward;").endsWith(") has tables of version " + last.get(1) + " and this Ward needs version "
                + last.get(0) + ": run ward scan once to upgrade it (Ward copies an H2 file first); read-only commands"
                + " never change it.").hasLineCount(1);
    }

    @Test
    void refusesADatabaseANewerWardUpgradedInOneSentence() throws Exception {
        String newest = lastTwoVersions().get(0);
        Path ahead = databaseWhoseHistory("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
                + " \"description\", \"type\", \"script\", \"installed_by\", \"execution_time\", \"success\")"
                + " VALUES (9999, '9999', 'from the future', 'SQL', 'V9999__from_the_future.sql', 'SA', 1, TRUE)");

        CliRun run = ward("audit", "--verify", "--data-dir", ahead.toString(), "--policy", ScanHarness.CLINIC_POLICY);

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("has tables of version 9999, which this Ward (version " + newest + ") does not"
                + " know: a newer Ward upgraded it.");
    }

    @Test
    void refusesADatabaseAnUpgradeLeftHalfWayInOneSentence() throws Exception {
        String newest = lastTwoVersions().get(0);
        Path failed = databaseWhoseHistory("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE"
                + " WHERE \"version\" = '" + newest + "'");

        CliRun run = ward("findings", "--data-dir", failed.toString(), "--policy", ScanHarness.CLINIC_POLICY);

        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("has tables of version " + newest + " and this Ward needs a completed upgrade: run"
                + " ward scan once to upgrade it");
    }
}
