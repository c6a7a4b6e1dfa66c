package org.ward.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import org.ward.image.telemetry.ApplicationInsightsGate;

/**
 * Builds Ward's OCI image into a tar without a Docker daemon or a registry: nothing is pulled, the base is empty
 * ({@code scratch}). Its layers, least often changed first so that an upgrade of Ward ships only the last ones:
 * <ol>
 * <li>{@code os}: the shared libraries the jlinked runtime loads (found with ldd, copied from the build machine),
 * a minimal /etc (a non-root user, uid 65532), and the writable places: /tmp and the data folder;</li>
 * <li>{@code java-runtime}: a Java runtime jlinked from the build JDK with the modules Ward uses;</li>
 * <li>{@code applicationinsights-agent}: Microsoft's Application Insights Java agent, its applicationinsights.json
 * and Ward's small gate agent that attaches it only when {@code APPLICATIONINSIGHTS_CONNECTION_STRING} is set
 * ({@link ApplicationInsightsGate});</li>
 * <li>the Spring Boot jar's own layers ({@code dependencies}, {@code spring-boot-loader},
 * {@code snapshot-dependencies}, {@code application}) in its {@code tools} extract layout under /opt/ward/app: ward.jar,
 * whose manifest's Class-Path names the libraries in lib/, started with {@code java -jar} (the JVM can archive classes
 * of jars on its class path, not those Spring Boot's launcher loads from jars in a jar);</li>
 * <li>{@code class-data}: the application class-data sharing archive, made here by a training run
 * ({@link ClassDataTraining}) and mapped by every {@code ward} command the image runs.</li>
 * </ol>
 * Jib core rather than the Jib Maven plugin: the plugin puts every extra file in one layer and cannot give the data
 * folder to the non-root user, and it would containerize this module rather than the connector's jar.
 */
public final class ImageBuild {

    /** Where things live in the image; docs/deploy-azure.md#the-container-image describes them. */
    static final String RUNTIME = "/opt/ward/java";
    static final String APP = "/opt/ward/app";
    static final String DATA = "/var/lib/ward";
    /** The class-data sharing archive ({@link ClassDataTraining}), in a layer of its own after the application's. */
    static final String ARCHIVE = APP + "/ward.jsa";
    static final String TELEMETRY = "/opt/ward/applicationinsights";
    /** Ward's gate agent in the telemetry layer: the entrypoint's {@code -javaagent}. */
    static final String GATE_JAR = "ward-applicationinsights-gate.jar";
    static final String USER = "65532:65532";

    /**
     * The JDK modules Ward runs on: the ones jdeps finds in Ward's jars (java.desktop for java.beans, which Spring's
     * binding uses; java.naming and java.management for logging and the data source; java.sql; jdk.unsupported for
     * the libraries' Unsafe access), TLS with elliptic curves and DNS for Graph and PostgreSQL, JAAS/GSS for the
     * PostgreSQL driver, jdk.jfr for Spring Batch's flight-recorder events, and jdk.management for the actuator's
     * metrics.
     */
    static final List<String> MODULES = List.of("java.base", "java.compiler", "java.desktop", "java.instrument",
            "java.logging", "java.management", "java.naming", "java.net.http", "java.prefs", "java.rmi",
            "java.scripting", "java.security.jgss", "java.security.sasl", "java.sql", "java.transaction.xa",
            "java.xml", "java.xml.crypto", "jdk.charsets", "jdk.crypto.ec", "jdk.jfr", "jdk.localedata",
            "jdk.management", "jdk.naming.dns", "jdk.net", "jdk.unsupported", "jdk.zipfs");

    /** JVM options: heap from the container's memory limit, no writes outside /tmp, no desktop. */
    static final List<String> JVM_OPTIONS = List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
            "-XX:-UsePerfData", "-Djava.io.tmpdir=/tmp", "-Djava.awt.headless=true");

    /** Every file's modification time in the image; the training run's jars have it too (ClassDataTraining). */
    static final Instant EPOCH = Instant.ofEpochSecond(1);

    /** The Spring Boot jar's layers, in its layers.idx's order. */
    private static final List<String> BOOT_LAYERS = List.of("dependencies", "spring-boot-loader",
            "snapshot-dependencies", "application");

    private final Map<String, String> options;

    private ImageBuild(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        new ImageBuild(options).build();
    }

    /**
     * The JVM's own warnings go to stderr rather than stdout, where they would mix with what Ward prints (a CSV of
     * findings piped to a file, say): the one a mismatched class-data archive gives among them. The archive is mapped
     * with -Xshare:auto (the default), so a JVM that cannot map it starts without it rather than failing. The jar is
     * named relative to the working directory, the data volume, because Java 17 checks that the class path's jars are
     * where they were when the archive was made, by the path it was given then (ClassDataTraining).
     */
    static List<String> entrypoint(String agentJar) {
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add(RUNTIME + "/bin/java");
        entrypoint.addAll(JVM_OPTIONS);
        entrypoint.addAll(List.of("-Xlog:all=off", "-Xlog:all=warning:stderr", "-XX:SharedArchiveFile=" + ARCHIVE));
        entrypoint.add("-javaagent:" + TELEMETRY + "/" + GATE_JAR + "=" + TELEMETRY + "/" + agentJar);
        entrypoint.addAll(List.of("-jar", jarFromWorkingDirectory()));
        return entrypoint;
    }

    /** {@code ../../../opt/ward/app/ward.jar}: ward.jar from the image's working directory, the data folder. */
    static String jarFromWorkingDirectory() {
        return Path.of(DATA).relativize(Path.of(APP, "ward.jar")).toString();
    }

    private String option(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
    }

    private void build() throws Exception {
        long started = System.nanoTime();
        Path work = Path.of(option("work"));
        deleteTree(work);
        Files.createDirectories(work);
        // The image's /opt/ward and its working directory, laid out under root/ as in the image, for the training run.
        Path root = work.resolve("root");
        Path runtime = jlink(under(root, RUNTIME));
        Path layers = extractBootLayers(Path.of(option("boot-jar")), work.resolve("layers"));
        Path app = Files.createDirectories(under(root, APP));
        for (String layer : BOOT_LAYERS) {
            linkTree(layers.resolve(layer), app);
        }
        Path etc = writeEtc(work.resolve("etc"));
        Path empty = Files.createDirectories(work.resolve("empty"));
        List<Path> libraries = nativeLibraries(runtime);
        Path agent = Path.of(option("agent"));
        if (!Files.isRegularFile(agent)) {
            throw new IllegalStateException(agent + " does not exist: Maven copies it at generate-resources");
        }
        Path telemetry = telemetryLayer(agent, under(root, TELEMETRY));
        Path archive = under(root, ARCHIVE);
        ClassDataTraining.Trained trained = new ClassDataTraining(root, work.resolve("training")).train(archive);

        FileEntriesLayer.Builder os = FileEntriesLayer.builder().setName("os");
        for (Path library : libraries) {
            // The path the loader asks for (often a symlink on the build machine) holds the file itself.
            os.addEntry(new FileEntry(library.toRealPath(), AbsoluteUnixPath.get(library.toString()),
                    FilePermissions.fromOctalString("755"), EPOCH, "0:0"));
        }
        for (String file : List.of("passwd", "group", "nsswitch.conf")) {
            os.addEntry(new FileEntry(etc.resolve(file), AbsoluteUnixPath.get("/etc/" + file),
                    FilePermissions.fromOctalString("644"), EPOCH, "0:0"));
        }
        os.addEntry(new FileEntry(empty, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"),
                EPOCH, "0:0"));
        os.addEntry(new FileEntry(empty, AbsoluteUnixPath.get(DATA), FilePermissions.fromOctalString("700"), EPOCH,
                USER));

        JibContainerBuilder image = Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .addFileEntriesLayer(os.build())
                .addFileEntriesLayer(tree("java-runtime", runtime, RUNTIME))
                .addFileEntriesLayer(tree("applicationinsights-agent", telemetry, TELEMETRY));
        for (String layer : BOOT_LAYERS) {
            image.addFileEntriesLayer(tree(layer, layers.resolve(layer), APP));
        }
        image.addFileEntriesLayer(FileEntriesLayer.builder().setName("class-data")
                .addEntry(new FileEntry(archive, AbsoluteUnixPath.get(ARCHIVE), FilePermissions.fromOctalString("644"),
                        EPOCH, "0:0"))
                .build());
        List<String> entrypoint = entrypoint(agent.getFileName().toString());
        // The entrypoint and working directory beside the laid-out files: the start-up benchmark runs Ward as the
        // image does from them (bench StartupTimes --image-work).
        Files.write(work.resolve("entrypoint"), entrypoint);
        Files.writeString(work.resolve("working-directory"), DATA + "\n");
        image.setEntrypoint(entrypoint)
                .setProgramArguments(List.of("--help"))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(DATA))
                .setEnvironment(Map.of("WARD_DATA_DIR", DATA, "PATH", RUNTIME + "/bin", "LANG", "C.UTF-8"))
                .addExposedPort(Port.tcp(8080))
                .addVolume(AbsoluteUnixPath.get(DATA))
                .addVolume(AbsoluteUnixPath.get("/tmp"))
                .addLabel("org.opencontainers.image.title", "Ward")
                .addLabel("org.opencontainers.image.description",
                        "Keeps patient recordings in Microsoft 365 safe.")
                .addLabel("org.opencontainers.image.version", option("version"));

        Path tar = Path.of(option("tar"));
        Files.deleteIfExists(tar);
        image.containerize(Containerizer.to(TarImage.at(tar).named(ImageReference.parse(option("image"))))
                .setOfflineMode(true)
                .setApplicationLayersCache(work.resolve("jib-cache"))
                .setBaseImageLayersCache(work.resolve("jib-cache"))
                .setToolName("ward-image-build"));

        ImageSbom.write(Path.of(option("jar-sbom")), libraries, agent, option("agent-version"), option("image"),
                Path.of(option("sbom")));
        System.out.printf("Ward image %s: %s (%d MB), SBOM %s, built in %d s, of which %d s the class-data training"
                + " run (archive %d MB)%n", option("image"), tar, Files.size(tar) >> 20, option("sbom"),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), trained.seconds(),
                Files.size(archive) >> 20);
    }

    /** An absolute path of the image under {@code root}. */
    static Path under(Path root, String imagePath) {
        return root.resolve(imagePath.substring(1));
    }

    /** Hard links to {@code source}'s files in {@code target}: the laid-out app dir costs no copy. */
    private static void linkTree(Path source, Path target) throws IOException {
        List<Path> paths;
        try (Stream<Path> files = Files.walk(source)) {
            paths = files.filter(path -> !path.equals(source)).sorted().toList();
        }
        for (Path path : paths) {
            Path link = target.resolve(source.relativize(path).toString());
            if (Files.isDirectory(path)) {
                Files.createDirectories(link);
            } else {
                Files.createLink(link, path);
            }
        }
    }

    private static Path jlink(Path output) throws IOException {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("the build JDK has no jlink: build with a full JDK"));
        StringWriter log = new StringWriter();
        int exit = jlink.run(new PrintWriter(log), new PrintWriter(log), "--add-modules", String.join(",", MODULES),
                "--include-locales=en,en-GB,en-US", "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress=2",
                // lib/server/classes.jsa, the JDK's own classes: the base the application archive is made on top of.
                "--generate-cds-archive",
                // Headless: nothing in the image may need X11.
                "--exclude-files=**libawt_xawt.so,**libsplashscreen.so,**libjawt.so",
                "--output", output.toString());
        if (exit != 0) {
            throw new IllegalStateException("jlink failed (" + exit + "): " + log);
        }
        return output;
    }

    /**
     * The Spring Boot jar's layers, extracted by its own tools (layers.idx decides what goes where) in their
     * {@code java -jar} layout: the application jar, with a Class-Path manifest, in the application layer, its
     * libraries under lib/ in the dependencies layers.
     */
    private static Path extractBootLayers(Path bootJar, Path output) throws IOException, InterruptedException {
        if (!Files.isRegularFile(bootJar)) {
            throw new IllegalStateException(bootJar + " does not exist: build the connector first");
        }
        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", bootJar.toString(), "extract", "--layers", "--application-filename", "ward.jar",
                "--destination", output.toString()).redirectErrorStream(true).start();
        String printed = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("extracting the layers of " + bootJar + " failed: " + printed);
        }
        for (String layer : BOOT_LAYERS) {
            Files.createDirectories(output.resolve(layer));
        }
        if (!Files.isRegularFile(output.resolve("application/ward.jar"))) {
            throw new IllegalStateException("extracting " + bootJar + " gave no application/ward.jar: " + printed);
        }
        return output;
    }

    /**
     * The telemetry layer's files: Microsoft's agent jar as Maven resolved it, its configuration beside it (where the
     * agent looks first; console diagnostics, since the image's root is read-only) and the gate agent's jar, made
     * here from its class with a manifest granting the capabilities Microsoft's manifest asks for.
     */
    private static Path telemetryLayer(Path agent, Path output) throws IOException {
        Files.createDirectories(output);
        Files.copy(agent, output.resolve(agent.getFileName()));
        try (InputStream configuration = resource("telemetry/applicationinsights.json")) {
            Files.copy(configuration, output.resolve("applicationinsights.json"));
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", ApplicationInsightsGate.class.getName());
        manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
        manifest.getMainAttributes().putValue("Can-Retransform-Classes", "true");
        String gateClass = ApplicationInsightsGate.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(output.resolve(GATE_JAR)));
                InputStream bytes = resource("telemetry/" + ApplicationInsightsGate.class.getSimpleName() + ".class")) {
            ZipEntry manifestEntry = new ZipEntry(JarFile.MANIFEST_NAME);
            manifestEntry.setTime(EPOCH.toEpochMilli());
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            ZipEntry classEntry = new ZipEntry(gateClass);
            classEntry.setTime(EPOCH.toEpochMilli());
            jar.putNextEntry(classEntry);
            bytes.transferTo(jar);
        }
        return output;
    }

    private static InputStream resource(String name) {
        InputStream in = ImageBuild.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the image builder's class path has no " + name);
        }
        return in;
    }

    private static Path writeEtc(Path etc) throws IOException {
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "ward:x:65532:65532:Ward:" + DATA + ":/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nward:x:65532:\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n");
        return etc;
    }

    /**
     * The libraries outside the runtime that its programs and libraries load, as ldd resolves them on this machine
     * (the dynamic loader included), by the paths the loader will ask for in the image.
     */
    static List<Path> nativeLibraries(Path runtime) throws IOException, InterruptedException {
        List<Path> binaries;
        try (Stream<Path> files = Files.walk(runtime)) {
            binaries = files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".so")
                            || file.getParent().getFileName().toString().equals("bin"))
                    .toList();
        }
        TreeSet<String> libraries = new TreeSet<>();
        for (Path binary : binaries) {
            Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
            String printed = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ldd.waitFor();
            for (String line : printed.split("\n")) {
                String library = resolved(line.strip());
                if (library != null && !library.startsWith(runtime.toAbsolutePath().toString())) {
                    libraries.add(library);
                }
            }
        }
        if (libraries.stream().noneMatch(library -> library.contains("ld-linux"))) {
            throw new IllegalStateException("ldd named no dynamic loader for " + runtime + ": build on glibc Linux");
        }
        return libraries.stream().map(Path::of).toList();
    }

    /** The file a line of ldd's names: "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)" or the loader's line. */
    static String resolved(String line) {
        int arrow = line.indexOf("=> ");
        String rest = arrow >= 0 ? line.substring(arrow + 3) : line;
        if (!rest.startsWith("/")) {
            return null; // linux-vdso, "not found" (libjvm.so, found at run time through the runtime's own path)
        }
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** A folder as one layer, files keeping whether they are executable; owned by root, read-only to Ward. */
    private static FileEntriesLayer tree(String name, Path source, String into) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        List<Path> paths;
        try (Stream<Path> files = Files.walk(source)) {
            paths = files.filter(path -> !path.equals(source)).sorted().toList();
        }
        for (Path path : paths) {
            String relative = source.relativize(path).toString().replace('\\', '/');
            boolean executable = Files.isDirectory(path) || Files.isExecutable(path);
            // Files.walk does not follow links; the runtime's links (Debian's cacerts, say) become their files.
            Path content = Files.isSymbolicLink(path) ? path.toRealPath() : path;
            layer.addEntry(new FileEntry(content, AbsoluteUnixPath.get(into + "/" + relative),
                    FilePermissions.fromOctalString(executable ? "755" : "644"), EPOCH, "0:0"));
        }
        return layer.build();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
