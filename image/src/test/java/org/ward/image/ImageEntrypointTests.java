package org.ward.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * The image built by this module's package step (image/target/ward-image.tar), unpacked layer by layer and started
 * from its own files: its jlinked runtime, the native libraries it carries, its user, on a read-only root.
 */
class ImageEntrypointTests {

    @TempDir
    static Path dir;

    static ImageFiles image;

    @BeforeAll
    static void unpack() throws IOException {
        image = ImageFiles.unpack(Path.of(System.getProperty("ward.image.tar", "target/ward-image.tar")), dir);
    }

    @Test
    void theImageIsAnOciImageOnAnEmptyBase() {
        assertThat(image.manifest.path("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        // Ours from the first layer: the native libraries and /etc, then the runtime, then the jar's layers.
        assertThat(image.manifest.path("layers").size()).isBetween(4, 6);
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
        assertThat(run.output()).startsWith("Usage: ward").contains("scan", "Start with: ward scan --demo");
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
