package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.standins.BlobServiceStandIn;
import org.ward.simulator.Simulator;

/**
 * {@code ward scan --report-dir} and {@code ward evidence --out} copy what they wrote to the deployment's Blob
 * containers (a strict stand-in here), and a copy that fails is one sentence on the error stream that changes nothing
 * else: the files stay, the exit code is the scan's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchiveCopyCommandTests {

    @TempDir
    static Path dir;

    static Simulator simulator;
    static BlobServiceStandIn storage;
    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        simulator = ScanHarness.clinic();
        storage = new BlobServiceStandIn(simulator, "wardstore", "reports", "evidence");
        storage.grant(simulator.info().clientId());
        Map<String, Object> settings = ScanHarness.h2(simulator, dir.resolve("data"));
        settings.put("ward.azure.credential", "graph-app");
        settings.put("ward.archive.reports-container-url", storage.containerUrl("reports"));
        settings.put("ward.archive.evidence-container-url", storage.containerUrl("evidence"));
        context = ScanHarness.start(settings);
    }

    @AfterAll
    static void stop() {
        context.close();
        storage.close();
        simulator.close();
    }

    @Test
    @Order(1)
    void aScansReportsAreCopiedToTheReportsContainer() {
        CommandRun run = CommandRun.of(context, new ScanCommand(), "--report-dir", dir.resolve("reports").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Copied the reports \\(\\d+ files\\) to " + storage.containerUrl("reports")
                + "/scan-1/\\.");
        assertThat(storage.blobs()).containsKeys("reports/scan-1/report.html", "reports/scan-1/findings.json");
    }

    @Test
    @Order(2)
    void anEvidencePackIsCopiedToTheEvidenceContainer() throws Exception {
        CommandRun run = CommandRun.of(context, new EvidenceCommand(), "--out", dir.resolve("packs").toString());

        String folder;
        try (Stream<Path> packs = Files.list(dir.resolve("packs"))) {
            folder = packs.findFirst().orElseThrow().getFileName().toString();
        }
        assertThat(run.out()).contains("Copied the evidence pack (");
        assertThat(storage.blobs().keySet()).anyMatch(name -> name.startsWith("evidence/" + folder + "/"));
    }

    @Test
    @Order(3)
    void aFailedCopyIsOneSentenceAndTheScanStillSucceeds() {
        storage.revoke(simulator.info().clientId());
        try {
            CommandRun run = CommandRun.of(context, new ScanCommand(), "--report-dir", dir.resolve("again").toString());

            assertThat(run.exitCode()).isZero();
            assertThat(run.err()).contains("ward: Could not copy the reports to " + storage.containerUrl("reports")
                    + "/scan-2/: Azure Storage answered 403 AuthorizationPermissionMismatch").hasLineCount(1);
            assertThat(dir.resolve("again/report.html")).isRegularFile();
        } finally {
            storage.grant(simulator.info().clientId());
        }
    }
}
