package org.ward.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.serve.ServiceDefaults;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorInfo;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.throttle.Latency;

import tools.jackson.databind.JsonNode;

/**
 * The image built by this module's package step (image/target/ward-image.tar), unpacked layer by layer and started
 * from its own files: its jlinked runtime, the native libraries it carries, its user, on a read-only root.
 */
class ImageEntrypointTests {

    @TempDir
    static Path dir;

    static ImageFiles image;

    private static final String INSTRUMENTATION_KEY = "7c0f3b0e-5f4a-4c55-9d38-6a8f2c1e4b21";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void unpack() throws IOException {
        image = ImageFiles.unpack(Path.of(System.getProperty("ward.image.tar", "target/ward-image.tar")), dir);
    }

    @Test
    void theImageIsAnOciImageOnAnEmptyBase() {
        assertThat(image.manifest.path("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        // Ours from the first layer: the native libraries and /etc, the runtime, the telemetry agent, the jar's layers.
        // ... and the class-data sharing archive.
        assertThat(image.manifest.path("layers").size()).isBetween(6, 8);
        assertThat(image.config.path("os").asString()).isEqualTo("linux");
    }

    @Test
    void runsAsTheNonRootUserOfItsOwnPasswdFile() throws IOException {
        JsonNode container = image.config.path("config");
        assertThat(container.path("User").asString()).isEqualTo("65532:65532");
        assertThat(Files.readAllLines(image.root.resolve("etc/passwd")))
                .contains("ward:x:65532:65532:Ward:/var/lib/ward:/sbin/nologin");
        assertThat(Files.getAttribute(image.root.resolve("var/lib/ward"), "unix:uid")).isEqualTo(65532);
    }

    @Test
    void sizesTheHeapFromTheContainersMemoryLimit() {
        assertThat(image.entrypoint()).startsWith("/opt/ward/java/bin/java").contains("-XX:MaxRAMPercentage=75")
                .doesNotContainAnyElementsOf(List.of("-Xmx", "-Xms"));
    }

    @Test
    void carriesItsOwnDynamicLoaderAndNoLinkOutOfTheImage() throws IOException {
        assertThat(image.root.resolve("lib64/ld-linux-x86-64.so.2")).isRegularFile();
        List<Path> links = new ArrayList<>();
        try (Stream<Path> files = Files.walk(image.root)) {
            files.filter(Files::isSymbolicLink).forEach(links::add);
        }
        assertThat(links).as("links may point outside the image").isEmpty();
    }

    @Test
    void answersHelpFromItsOwnFilesOnAReadOnlyRoot() throws Exception {
        assumeContainerTools();
        ImageFiles.Run run = image.start(dataFolder("help"), List.of("--help"), 120);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).startsWith("Usage: ward").contains("scan", "Start with: ward scan --demo")
                .as("the class-data archive maps without a warning").doesNotContain("[cds");
    }

    @Test
    void namesTheJarRelativeToItsWorkingDirectoryAsTheArchiveWasMade() {
        String workingDirectory = image.config.path("config").path("WorkingDir").asString();
        List<String> entrypoint = image.entrypoint();
        String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);

        assertThat(jar).doesNotStartWith("/");
        assertThat(image.root.resolve(workingDirectory.substring(1)).resolve(jar).normalize()).isRegularFile()
                .isEqualTo(image.root.resolve("opt/ward/app/ward.jar"));
        assertThat(entrypoint).contains("-XX:SharedArchiveFile=/opt/ward/app/ward.jsa")
                .noneMatch(option -> option.startsWith("-Xshare:"));
        assertThat(image.root.resolve("opt/ward/app/ward.jsa")).isRegularFile();
        assertThat(image.root.resolve("opt/ward/java/lib/server/classes.jsa")).as("the base archive").isRegularFile();
    }

    @Test
    void startsHelpWithTheClassDataArchiveMadeAtBuild() throws Exception {
        assumeContainerTools();
        Path data = dataFolder("class-data-help");

        ImageFiles.Run run = image.start(data, List.of("--help"), Map.of("JDK_JAVA_OPTIONS", classDataOnly()), 120);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Usage: ward");
        assertThat(classesFromTheArchive(data)).as(run.output()).contains("org.ward.connector.cli.WardCli")
                .hasSizeGreaterThan(500);
    }

    @Test
    void listsFindingsWithTheClassDataArchiveMadeAtBuild() throws Exception {
        assumeContainerTools();
        Path data = dataFolder("class-data-findings");
        // The database the build's training run read: ward findings needs one, and a demo scan here would take 30 s.
        Path trained = Path.of(System.getProperty("ward.image.work", "target/image-work"), "training", "demo");
        for (String file : List.of("ward.mv.db", "installation.key")) {
            Files.copy(trained.resolve(file), data.resolve(file));
            Files.setAttribute(data.resolve(file), "unix:uid", 65532);
            Files.setAttribute(data.resolve(file), "unix:gid", 65532);
        }

        ImageFiles.Run run = image.start(data, List.of("findings", "--policy",
                "classpath:policies/examples/upwell-health.yaml"), Map.of("JDK_JAVA_OPTIONS", classDataOnly()), 120);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("ANONYMOUS_LINK");
        assertThat(classesFromTheArchive(data)).as(run.output()).contains("org.ward.connector.cli.WardCli",
                "org.h2.Driver", "org.springframework.context.annotation.AnnotationConfigApplicationContext")
                .hasSizeGreaterThan(3000);
    }

    /**
     * -Xshare:on: the JVM refuses to start rather than run without the archive (the image's own -Xshare:auto would
     * start without it); the classes it loads, and from where, logged to a file on the data volume (the entrypoint
     * keeps the JVM's stdout for warnings only).
     */
    private static String classDataOnly() {
        return "-Xshare:on -Xlog:class+load=info:file=/var/lib/ward/classes.log";
    }

    /** The classes the JVM took from the application archive (the base archive holds the JDK's own). */
    private static List<String> classesFromTheArchive(Path data) throws IOException {
        String top = " source: shared objects file (top)";
        return Files.readAllLines(data.resolve("classes.log")).stream().filter(line -> line.endsWith(top))
                .map(line -> line.substring(line.indexOf("] ", line.indexOf("class,load")) + 2, line.length() - top.length())
                        .strip())
                .toList();
    }

    @Test
    void carriesTheApplicationInsightsAgentInALayerOfItsOwnBehindWardsGate() throws IOException {
        Path telemetry = image.root.resolve("opt/ward/applicationinsights");
        try (Stream<Path> files = Files.list(telemetry)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "applicationinsights-agent-3.5.3.jar", "applicationinsights.json",
                    "ward-applicationinsights-gate.jar");
        }
        // The gate is the only -javaagent; Microsoft's agent is its argument, loaded only with a connection string.
        assertThat(image.entrypoint()).filteredOn(option -> option.startsWith("-javaagent:")).containsExactly(
                "-javaagent:/opt/ward/applicationinsights/ward-applicationinsights-gate.jar="
                        + "/opt/ward/applicationinsights/applicationinsights-agent-3.5.3.jar");
        JsonNode configuration = ImageFiles.JSON.readTree(telemetry.resolve("applicationinsights.json").toFile());
        assertThat(configuration.path("selfDiagnostics").path("destination").asString())
                .as("the root is read-only: the agent's own log goes to the console").isEqualTo("console");
        assertThat(Files.getAttribute(telemetry.resolve("applicationinsights-agent-3.5.3.jar"), "unix:uid")).isEqualTo(0);
    }

    @Test
    void attachesNoTelemetryAgentWithoutAConnectionString() throws Exception {
        assumeContainerTools();
        try (IngestionReceiver receiver = new IngestionReceiver()) {
            // Were Microsoft's agent loaded, this system property would give it a connection string.
            ImageFiles.Run run = image.start(dataFolder("no-telemetry"), List.of("--help"),
                    Map.of("JDK_JAVA_OPTIONS", "-Dapplicationinsights.connection.string="
                            + receiver.connectionString(INSTRUMENTATION_KEY)), 120);

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("Usage: ward").doesNotContain("Application Insights");
            assertThat(receiver.envelopes()).isEmpty();
            assertThat(receiver.otherRequests()).isEmpty();
        }
    }

    @Test
    void sendsTheDemoScansTelemetryToTheIngestionEndpointOfItsConnectionString() throws Exception {
        assumeContainerTools();
        try (IngestionReceiver receiver = new IngestionReceiver()) {
            // Every trace kept, so that the Graph calls' dependencies do not depend on the rate-limited sampling.
            ImageFiles.Run run = image.start(dataFolder("telemetry"), List.of("scan", "--demo"),
                    Map.of("APPLICATIONINSIGHTS_CONNECTION_STRING", receiver.connectionString(INSTRUMENTATION_KEY),
                            "APPLICATIONINSIGHTS_SAMPLING_PERCENTAGE", "100"),
                    600);

            assertThat(run.exitCode()).as(run.output()).isIn(0, 1); // 1: the demo tenant has findings at --fail-on
            assertThat(run.output()).contains("Application Insights Java Agent 3.5.3 started successfully",
                    "Demo tenant \"Upwell Health Centre\" is ready")
                    .doesNotContain("Read-only file system", "startup failed");
            assertThat(receiver.envelopes()).as(run.output()).isNotEmpty().allSatisfy(envelope -> {
                assertThat(envelope.path("iKey").asString()).isEqualTo(INSTRUMENTATION_KEY);
                assertThat(envelope.path("tags").path("ai.cloud.role").asString()).isEqualTo("ward");
            });
            // The scan's calls to Graph (the demo's simulator, over HTTPS) arrive as HTTP dependencies, sent before
            // the command's JVM exits.
            assertThat(telemetryOf(receiver, "RemoteDependencyData")).as(run.output())
                    .anyMatch(dependency -> dependency.contains("\"type\":\"Http\"")
                            && dependency.contains("/v1.0/sites/"))
                    .anyMatch(dependency -> dependency.contains("/v1.0/users/"));
            assertThat(receiver.envelopes()).as("every trace kept").noneMatch(envelope -> envelope.has("sampleRate")
                    && envelope.path("sampleRate").asDouble() < 100);
        }
    }

    @Test
    void scansTheDemoTenantWritingOnlyToTheDataVolume() throws Exception {
        assumeContainerTools();
        Path data = dataFolder("demo");
        ImageFiles.Run run = image.start(data, List.of("scan", "--demo", "--report-dir", "/var/lib/ward/reports"), 600);

        assertThat(run.exitCode()).as(run.output()).isIn(0, 1); // 1: the demo tenant has findings at --fail-on
        assertThat(run.output()).contains("Demo tenant \"Upwell Health Centre\" is ready")
                .doesNotContain("Read-only file system");
        assertThat(data.resolve("reports/report.html")).isRegularFile();
    }

    @Test
    void serveAnswersTheProbesTheTemplatesDeclareFromItsOwnFiles() throws Exception {
        assumeContainerTools();
        Path data = dataFolder("serve");
        Path output = dir.resolve("serve-output.txt");
        // The image's network is the host's here (no network namespace), so Ward listens on a free port rather than
        // on 8080, which another program of the host may hold; probesOfTheTemplatesAreTheServicesHealthGroups checks
        // that 8080 is what the image exposes, ward serve listens on by default and the templates probe.
        int port = freePort();
        try (Simulator simulator = Simulator.builder().latency(Latency.OFF)
                .notifications(NotificationSettings.immediate().allowingHttpOnLoopback()).start();
                IngestionReceiver insights = new IngestionReceiver()) {
            SimulatorInfo graph = simulator.info();
            Files.copy(graph.caCertificate(), data.resolve("graph-ca.pem"));
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("WARD_GRAPH_CLOUD", "custom");
            environment.put("WARD_GRAPH_BASE_URL", graph.graphBaseUrl());
            environment.put("WARD_GRAPH_AUTHORITY", graph.authority());
            environment.put("WARD_GRAPH_TENANT_ID", graph.tenantId());
            environment.put("WARD_GRAPH_CLIENT_ID", graph.clientId());
            environment.put("WARD_GRAPH_CLIENT_SECRET", graph.clientSecret());
            environment.put("WARD_GRAPH_TRUST_CA_CERTIFICATE", "/var/lib/ward/graph-ca.pem");
            environment.put("WARD_POLICY_PACK", "nhs-england");
            environment.put("SPRING_DATASOURCE_URL", "jdbc:h2:file:/var/lib/ward/ward");
            environment.put("SERVER_PORT", String.valueOf(port));
            environment.put("WARD_WEBHOOK_PUBLIC_URL", "http://127.0.0.1:" + port);
            // The probes are the subject here, not the scan (scansTheDemoTenantWritingOnlyToTheDataVolume covers that).
            environment.put("WARD_SERVE_SCAN_AT_START", "false");
            // As the templates deploy it: with Application Insights, whose agent reports the probes' requests.
            environment.put("APPLICATIONINSIGHTS_CONNECTION_STRING", insights.connectionString(INSTRUMENTATION_KEY));
            // Metrics every 5 s instead of 60, so that the requests' metrics arrive within the test.
            environment.put("APPLICATIONINSIGHTS_METRIC_INTERVAL_SECONDS", "5");
            Process ward = image.launch(data, List.of("serve"), environment, output);
            try {
                for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                    await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                            .failFast("ward serve ended: " + output, () -> !ward.isAlive())
                            .until(() -> status(port, probe), answer -> answer.equals("200 UP"));
                }
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .failFast("ward serve ended: " + output, () -> !ward.isAlive())
                        .until(() -> telemetryOf(insights, "RequestData"), requests -> requests.stream()
                                .anyMatch(request -> request.contains("/actuator/health/readiness")));
                // The agent's own metric of the requests (Micrometer's meters do not arrive: docs/deploy-azure.md).
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .failFast("ward serve ended: " + output, () -> !ward.isAlive())
                        .until(() -> telemetryOf(insights, "MetricData"), metrics -> metrics.stream()
                                .anyMatch(metric -> metric.contains("\"name\":\"http.server.request.duration\"")));
            } finally {
                ward.destroy(); // SIGTERM, as the platform stops a revision
                if (!ward.waitFor(60, TimeUnit.SECONDS)) {
                    ward.destroyForcibly().waitFor();
                }
            }
            assertThat(Files.readString(output)).doesNotContain("Read-only file system");
            assertThat(data.resolve("ward.mv.db")).isRegularFile();
            String printed = Files.readString(output);
            // What Ward logs arrives as traces (ward serve logs warnings and up) and its database calls as dependencies.
            assertThat(telemetryOf(insights, "MessageData")).as(printed).isNotEmpty()
                    .allMatch(message -> message.contains("\"SourceType\":\"Logger\""));
            assertThat(telemetryOf(insights, "RemoteDependencyData")).as(printed)
                    .anyMatch(dependency -> dependency.contains("\"type\":\"SQL\""));
        }
    }

    /** The {@code baseData} of the envelopes of one telemetry type the receiver got, as text. */
    private static List<String> telemetryOf(IngestionReceiver receiver, String baseType) {
        return receiver.envelopes().stream()
                .filter(envelope -> envelope.path("data").path("baseType").asString().equals(baseType))
                .map(envelope -> envelope.path("data").path("baseData").toString()).toList();
    }


    @Test
    void probesOfTheTemplatesAreTheServicesHealthGroups() throws IOException {
        JsonNode template = ImageFiles.JSON.readTree(Path.of(System.getProperty("ward.templates",
                "../arm-templates/azuredeploy.json")).toFile());
        Set<String> probes = new LinkedHashSet<>();
        Set<String> containerPorts = new LinkedHashSet<>();
        for (JsonNode resource : template.path("resources")) {
            for (JsonNode container : resource.path("properties").path("template").path("containers")) {
                for (JsonNode probe : container.path("probes")) {
                    probes.add(probe.path("type").asString() + " " + probe.path("httpGet").path("path").asString());
                    containerPorts.add(probe.path("httpGet").path("port").asString());
                }
            }
            JsonNode ingress = resource.path("properties").path("configuration").path("ingress");
            if (!ingress.isMissingNode()) {
                containerPorts.add(ingress.path("targetPort").asString());
            }
        }

        assertThat(probes).containsExactlyInAnyOrder("Startup /actuator/health/liveness",
                "Liveness /actuator/health/liveness", "Readiness /actuator/health/readiness");
        assertThat(containerPorts).containsExactly("8080");
        assertThat(image.config.path("config").path("ExposedPorts").propertyNames()).containsExactly("8080/tcp");
        assertThat(ServiceDefaults.properties()).containsEntry("server.port", "8080")
                .containsEntry("management.endpoint.health.probes.enabled", "true");
    }

    /** The probe's HTTP status and the health status it reports, e.g. {@code 200 UP} or {@code 503 OUT_OF_SERVICE}. */
    private static String status(int port, String path) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() + " " + ImageFiles.JSON.readTree(answer.body()).path("status").asString();
        } catch (IOException notYet) {
            return "no answer: " + notYet;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void itsSbomNamesTheJarsTheRuntimeAndEveryNativeLibraryInTheImage() throws IOException {
        JsonNode sbom = ImageFiles.JSON.readTree(Path.of(System.getProperty("ward.image.sbom",
                "target/ward-image.bom.json")).toFile());
        List<String> names = new ArrayList<>();
        sbom.path("components").forEach(component -> names.add(component.path("name").asString()));

        assertThat(sbom.path("bomFormat").asString()).isEqualTo("CycloneDX");
        assertThat(sbom.path("metadata").path("component").path("type").asString()).isEqualTo("container");
        assertThat(names).contains("ward-connector", "microsoft-graph", "azure-identity", "spring-core")
                .anyMatch(name -> name.startsWith("java-runtime (jlink of"));
        try (Stream<Path> libraries = Stream.concat(Files.list(image.root.resolve("lib64")),
                Files.list(image.root.resolve("lib/x86_64-linux-gnu")))) {
            assertThat(names).containsAll(libraries.map(path -> path.getFileName().toString()).toList());
        }
    }

    private static Path dataFolder(String name) throws IOException {
        Path data = Files.createDirectories(dir.resolve(name));
        Files.setAttribute(data, "unix:uid", 65532);
        Files.setAttribute(data, "unix:gid", 65532);
        return data;
    }

    /** Starting the image needs what a container runtime has: root, and mount namespaces (util-linux unshare). */
    private static void assumeContainerTools() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "starting the image needs root (CI is root)");
        Process unshare = new ProcessBuilder("unshare", "--mount", "true").redirectErrorStream(true).start();
        unshare.getInputStream().readAllBytes();
        assumeTrue(unshare.waitFor() == 0, "unshare --mount is not allowed here");
    }
}
