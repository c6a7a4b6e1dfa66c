package org.ward.connector.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Random;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.standins.BlobServiceStandIn;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Latency;

/**
 * Copies of report folders and evidence packs in a Blob container, through Ward's real context (azure-storage-blob,
 * azure-identity signing in at the simulator's token endpoint) to a strict stand-in of Azure Blob storage over HTTPS.
 */
class BlobArchiveTests {

    @TempDir
    static Path dir;

    static Simulator simulator;
    static BlobServiceStandIn storage;
    static ConfigurableApplicationContext context;
    static BlobArchive archive;

    @BeforeAll
    static void start() {
        simulator = Simulator.builder().latency(Latency.OFF).start();
        storage = new BlobServiceStandIn(simulator, "wardstore", "reports", "evidence");
        Map<String, Object> settings = ScanHarness.h2(simulator, dir);
        settings.put("ward.azure.credential", "graph-app");
        settings.put("ward.archive.reports-container-url", storage.containerUrl("reports"));
        settings.put("ward.archive.evidence-container-url", storage.containerUrl("evidence"));
        // Small enough that the test's larger file goes as blocks (Put Block, Put Block List), as big packs do.
        settings.put("ward.archive.max-single-upload-size", "64KB");
        settings.put("ward.archive.block-size", "48KB");
        context = ScanHarness.start(settings);
        archive = context.getBean(BlobArchive.class);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (storage != null) {
            storage.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @BeforeEach
    void grant() {
        storage.grant(simulator.info().clientId());
    }

    @Test
    void copiesAScansReportFolderIntoTheContainerUnderTheScansName() throws IOException {
        Path reports = reportFolder("reports-1");

        BlobArchive.Copy copy = archive.copyReports(reports, "scan-7").orElseThrow();

        assertThat(copy.copied()).as(copy.sentence()).isTrue();
        assertThat(copy.sentence()).isEqualTo("Copied the reports (3 files) to " + storage.containerUrl("reports")
                + "/scan-7/.");
        assertThat(storage.blobs().get("reports/scan-7/findings.json").content())
                .isEqualTo(Files.readAllBytes(reports.resolve("findings.json")));
        assertThat(storage.blobs().get("reports/scan-7/findings.json").contentType()).isEqualTo("application/json");
        assertThat(storage.blobs().get("reports/scan-7/report.html").contentType()).startsWith("text/html");
        assertThat(storage.blobs().get("reports/scan-7/charts/large.bin").content())
                .isEqualTo(Files.readAllBytes(reports.resolve("charts/large.bin")));
    }

    @Test
    void sendsLargeFilesAsBlocksAndSmallOnesWhole() throws IOException {
        archive.copyReports(reportFolder("reports-2"), "scan-8").orElseThrow();

        assertThat(storage.operations()).contains("PutBlob reports/scan-8/findings.json 201",
                "PutBlockList reports/scan-8/charts/large.bin 201");
        assertThat(storage.operations().stream().filter(o -> o.startsWith("PutBlock reports/scan-8/charts/large.bin 201")))
                .hasSize(3); // 130,000 bytes in blocks of 48 KiB
    }

    @Test
    void copyingTheSameFolderAgainLeavesOneCopyOfEachFile() throws IOException {
        Path reports = reportFolder("reports-3");
        archive.copyReports(reports, "scan-9").orElseThrow();
        Files.writeString(reports.resolve("findings.json"), "{\"findings\":[1]}");

        BlobArchive.Copy again = archive.copyReports(reports, "scan-9").orElseThrow();

        assertThat(again.copied()).isTrue();
        assertThat(storage.blobs().keySet().stream().filter(name -> name.startsWith("reports/scan-9/"))).hasSize(3);
        assertThat(new String(storage.blobs().get("reports/scan-9/findings.json").content())).isEqualTo("{\"findings\":[1]}");
    }

    @Test
    void copiesAnEvidencePackUnderItsFolderName() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("packs/evidence-2026-12-07T0600Z"));
        Files.writeString(pack.resolve("manifest.json"), "{\"files\":[]}");

        BlobArchive.Copy copy = archive.copyEvidencePack(pack).orElseThrow();

        assertThat(copy.copied()).as(copy.sentence()).isTrue();
        assertThat(storage.blobs()).containsKey("evidence/evidence-2026-12-07T0600Z/manifest.json");
    }

    @Test
    void theServicesScheduledEvidencePackIsHandedOnToTheEvidenceContainer() throws IOException {
        Path pack = Files.createDirectories(dir.resolve("scheduled/evidence-2026-12-08T0600Z"));
        Files.writeString(pack.resolve("manifest.json"), "{\"files\":[]}");

        for (org.ward.connector.evidence.PackHandoff handoff : context
                .getBeansOfType(org.ward.connector.evidence.PackHandoff.class).values()) {
            handoff.handOn(new org.ward.connector.evidence.EvidencePack.Written(pack, java.util.List.of("manifest.json"),
                    null, 1, true));
        }

        assertThat(storage.blobs()).containsKey("evidence/evidence-2026-12-08T0600Z/manifest.json");
    }

    @Test
    void anIdentityWithoutTheRoleGetsOneSentenceAndTheFilesStay() throws IOException {
        storage.revoke(simulator.info().clientId());
        Path reports = reportFolder("reports-4");

        BlobArchive.Copy copy = archive.copyReports(reports, "scan-10").orElseThrow();

        assertThat(copy.copied()).isFalse();
        assertThat(copy.sentence()).isEqualTo("Could not copy the reports to " + storage.containerUrl("reports")
                + "/scan-10/: Azure Storage answered 403 AuthorizationPermissionMismatch: give the app registration "
                + simulator.info().clientId() + " the Storage Blob Data Contributor role on the storage account or"
                + " container. The files are still in " + reports.toAbsolutePath() + ".");
        assertThat(reports.resolve("findings.json")).isRegularFile();
    }

    @Test
    void aContainerThatDoesNotExistIsNamed() throws IOException {
        Map<String, Object> settings = ScanHarness.h2(simulator, dir.resolve("other"));
        settings.put("ward.azure.credential", "graph-app");
        settings.put("ward.archive.reports-container-url", storage.containerUrl("no-such-container"));
        try (ConfigurableApplicationContext other = ScanHarness.start(settings)) {
            BlobArchive.Copy copy = other.getBean(BlobArchive.class).copyReports(reportFolder("reports-5"), "scan-1")
                    .orElseThrow();

            assertThat(copy.copied()).isFalse();
            assertThat(copy.sentence()).contains("the container does not exist (404 ContainerNotFound)");
        }
    }

    @Test
    void nothingIsCopiedWhenNoContainerIsConfigured() throws IOException {
        BlobArchive none = new BlobArchive(new ArchiveSettings(null, null, org.springframework.util.unit.DataSize
                .ofMegabytes(8), org.springframework.util.unit.DataSize.ofMegabytes(32), java.time.Duration.ofMinutes(1)),
                context.getBean(org.ward.connector.graph.AzureAccess.class));

        assertThat(none.copyReports(reportFolder("reports-6"), "scan-1")).isEmpty();
        assertThat(none.copyEvidencePack(reportFolder("reports-7"))).isEmpty();
    }

    @Test
    void theStandInRefusesARequestWithoutABearerTokenAsAzureDoes() throws Exception {
        HttpResponse<String> answer = trustingTheSimulator().send(HttpRequest.newBuilder(
                URI.create(storage.containerUrl("reports") + "/anonymous.txt")).header("x-ms-version", "2025-11-05")
                .header("x-ms-date", "Mon, 07 Dec 2026 12:00:00 GMT").header("x-ms-blob-type", "BlockBlob")
                .PUT(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .contains("authorization_uri=https://login.microsoftonline.com/", "resource_id=https://storage.azure.com"));
        assertThat(answer.body()).contains("<Code>NoAuthenticationInformation</Code>");
        assertThat(storage.blobs()).doesNotContainKey("reports/anonymous.txt");
    }

    private static Path reportFolder(String name) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name).resolve("charts"));
        Files.writeString(folder.getParent().resolve("findings.json"), "{\"findings\":[]}");
        Files.writeString(folder.getParent().resolve("report.html"), "<html><body>Ward</body></html>");
        byte[] large = new byte[130_000];
        new Random(16).nextBytes(large);
        Files.write(folder.resolve("large.bin"), large);
        return folder.getParent();
    }

    private static HttpClient trustingTheSimulator() throws Exception {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        anchors.setCertificateEntry("simulator", simulator.certificateAuthority().certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).build();
    }
}
