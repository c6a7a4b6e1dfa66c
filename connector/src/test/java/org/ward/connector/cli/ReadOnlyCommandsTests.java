package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.flywaydb.core.Flyway;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.ward.connector.WardApplication;
import org.ward.connector.database.DataFolder;
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
            assertThat(context.getBeanNamesForType(Flyway.class)).as("the upgrade check stays").hasSize(1);
        }
    }
}
