package org.ward.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How long Ward's read-only commands take from {@code java -jar} to exit, against Spring Boot's smallest application
 * started the same way on the same machine in the same run (spring-boot-starter's jars alone, an empty context). Each
 * is run several times in turn and the median kept. A demo scan first makes a database for the commands to read; its
 * output gives the demo's in-process simulator's own start time. Where the image module has been built, the same
 * commands also run as the container image runs them ({@link ImageLayout}).
 */
final class StartupTimes {

    /** spring-boot-starter's jars: what a minimal Spring Boot application has on its class path. */
    private static final Pattern STARTER = Pattern.compile("(spring-boot|spring-boot-autoconfigure|spring-core|spring-context"
            + "|spring-aop|spring-beans|spring-expression|commons-logging|micrometer-commons|micrometer-observation|jspecify"
            + "|logback-classic|logback-core|slf4j-api|jul-to-slf4j|log4j-to-slf4j|log4j-api|snakeyaml)-\\d[^/]*\\.jar");
    private static final String DEMO_POLICY = "classpath:policies/examples/upwell-health.yaml";
    private static final Pattern SIMULATOR_START = Pattern.compile("simulator started in ([0-9.]+) s");

    private final BenchMain.Options options;

    StartupTimes(BenchMain.Options options) {
        this.options = options;
    }

    private static final String MINIMAL = "minimal Spring Boot application";
    private static final String CDS = " (CDS)";
    private static final String IMAGE = " (as the image runs it)";

    void run() throws Exception {
        Path wardJar = Path.of(options.values().getOrDefault("ward-jar", "connector/target/ward.jar")).toAbsolutePath();
        Path benchJar = Path.of(options.values().getOrDefault("bench-jar", "bench/target/ward-bench.jar")).toAbsolutePath();
        int runs = options.integer("runs", 5);
        Path work = Files.createTempDirectory("ward-bench-startup");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String minimalClassPath = minimalClassPath(benchJar, work.resolve("minimal"));
        String dataDir = work.resolve("data").toString();

        System.out.printf("Start-up, %d runs each, median wall time from process start to exit (%d cores, Java %s)%n", runs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Timed demo = time(work, List.of(java, "-jar", wardJar.toString(), "scan", "--demo", "--data-dir", dataDir));
        if (demo.exit() != 0) {
            throw new IllegalStateException("The demo scan failed (exit " + demo.exit() + "): " + demo.output());
        }
        Matcher simulator = SIMULATOR_START.matcher(demo.output());
        System.out.printf("  demo scan (to have a database to read): %.1f s; the in-process simulator started in %s%n",
                demo.seconds(), simulator.find() ? simulator.group(1) + " s of its own time (target <= 2 s)" : "(not reported)");

        // The demo keeps its database in the demo folder of its data folder, scanned with the demo's policy pack.
        String demoData = Path.of(dataDir, "demo").toString();
        List<String> findings = List.of("findings", "--data-dir", demoData, "--policy", DEMO_POLICY);
        List<String> audit = List.of("audit", "--verify", "--data-dir", demoData, "--policy", DEMO_POLICY);
        List<String> minimal = List.of("-cp", minimalClassPath, "org.ward.bench.minimal.MinimalSpringBootApplication");
        List<String> jar = List.of("-jar", wardJar.toString());
        Optional<ClassData> cds = ClassData.prepare(java, wardJar, work.resolve("cds"), minimal, findings);
        Optional<ImageLayout> image = ImageLayout.find(Path.of(options.values().getOrDefault("image-work",
                "image/target/image-work")), options.values().containsKey("image-work"));

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put(MINIMAL, command(java, minimal));
        commands.put("ward --help", command(java, jar, List.of("--help")));
        commands.put("ward findings", command(java, jar, findings));
        commands.put("ward audit --verify", command(java, jar, audit));
        cds.ifPresent(archived -> {
            commands.put(MINIMAL + CDS, command(java, archived.minimal()));
            commands.put("ward --help" + CDS, command(java, archived.ward(), List.of("--help")));
            commands.put("ward findings" + CDS, command(java, archived.ward(), findings));
            commands.put("ward audit --verify" + CDS, command(java, archived.ward(), audit));
        });
        Map<String, Path> directories = new LinkedHashMap<>();
        image.ifPresent(layout -> {
            commands.put("ward --help" + IMAGE, command(layout.entrypoint(), List.of("--help")));
            commands.put("ward findings" + IMAGE, command(layout.entrypoint(), findings));
            commands.put("ward audit --verify" + IMAGE, command(layout.entrypoint(), audit));
            commands.keySet().stream().filter(name -> name.endsWith(IMAGE))
                    .forEach(name -> directories.put(name, layout.workingDirectory()));
        });
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        commands.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                Timed timed = time(work, directories.getOrDefault(command.getKey(), work), command.getValue());
                if (timed.exit() != 0) {
                    throw new IllegalStateException(command.getKey() + " failed (exit " + timed.exit() + "): "
                            + timed.output());
                }
                if (command.getKey().endsWith(IMAGE) && timed.output().contains("Unable to use shared archive")) {
                    // -Xshare:auto starts without the archive: a time that would not be the image's.
                    throw new IllegalStateException(command.getKey() + " started without the image's class-data archive: "
                            + timed.output().lines().filter(line -> line.contains("[cds")).findFirst().orElse(""));
                }
                seconds.get(command.getKey()).add(timed.seconds());
            }
        }
        double plain = median(seconds.get(MINIMAL));
        double minimalWithCds = cds.isPresent() ? median(seconds.get(MINIMAL + CDS)) : Double.NaN;
        cds.ifPresent(archived -> System.out.printf("  class-data sharing: Spring Boot's extracted layout (java"
                + " -Djarmode=tools -jar ward.jar extract) with a dynamic archive from one training run of ward findings"
                + " (%.1f s, %d MB); the minimal application's archive from one run of it%n", archived.trainingSeconds(),
                archived.archiveBytes() / 1_000_000));
        image.ifPresent(layout -> System.out.printf("  as the image runs it: its entrypoint (the jlinked runtime, the"
                + " archive made at image build, the telemetry gate agent) on the files the image build laid out in %s,"
                + " from its working directory%n", layout.root()));
        for (Map.Entry<String, List<Double>> times : seconds.entrySet()) {
            double median = median(times.getValue());
            String name = times.getKey();
            String ratio = "";
            if (!name.startsWith(MINIMAL)) {
                ratio = String.format("  %.2f x the minimal application (target <= 1.5)", median / plain);
                if ((name.endsWith(CDS) || name.endsWith(IMAGE)) && cds.isPresent()) {
                    ratio += String.format("; %.2f x the minimal application with CDS", median / minimalWithCds);
                }
            }
            System.out.printf("  %-44s %5.2f s (runs: %s)%s%n", name, median, times.getValue().stream()
                    .map(t -> String.format("%.2f", t)).collect(Collectors.joining(", ")), ratio);
        }
        // The extracted jars and the archives take a few hundred megabytes.
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @SafeVarargs
    private static List<String> command(String java, List<String>... parts) {
        List<String> command = new ArrayList<>();
        command.add(java);
        for (List<String> part : parts) {
            command.addAll(part);
        }
        return command;
    }

    private static List<String> command(List<String> entrypoint, List<String> args) {
        List<String> command = new ArrayList<>(entrypoint);
        command.addAll(args);
        return command;
    }

    /**
     * The container image's files as its build laid them out (image/target/image-work/root: /opt/ward's runtime, jars,
     * class-data archive and telemetry agents, and the working directory) with its entrypoint and working directory
     * (the files entrypoint and working-directory beside it). Ward starts from them exactly as the image starts it: the
     * same runtime, options, archive and relative jar path, the image's absolute paths taken under the root. The
     * archive maps here as in the image because the build made it from these very files.
     */
    record ImageLayout(Path root, List<String> entrypoint, Path workingDirectory) {

        private static final Pattern ABSOLUTE = Pattern.compile("(^|[=:])(/[^=:]+)");

        /** The layout, or empty (having said why) when the image module has not been built. */
        static Optional<ImageLayout> find(Path work, boolean asked) throws IOException {
            Path root = work.resolve("root").toAbsolutePath();
            if (!Files.isRegularFile(work.resolve("entrypoint")) || !Files.isDirectory(root)) {
                String why = "  as the image runs it: not measured, " + work + " has no image build (build it with"
                        + " ./mvnw -B -pl image -am -Pimage -DskipTests package, or give --image-work DIR)";
                if (asked) {
                    throw new IllegalStateException(why.strip());
                }
                System.out.println(why);
                return Optional.empty();
            }
            List<String> entrypoint = Files.readAllLines(work.resolve("entrypoint")).stream()
                    .map(arg -> underRoot(root, arg)).toList();
            Path workingDirectory = root.resolve(Files.readString(work.resolve("working-directory")).strip().substring(1));
            return Optional.of(new ImageLayout(root, entrypoint, workingDirectory));
        }

        /** The image's absolute paths in {@code arg} that the layout has, under the root; others (/tmp) as they are. */
        private static String underRoot(Path root, String arg) {
            Matcher path = ABSOLUTE.matcher(arg);
            StringBuilder mapped = new StringBuilder();
            while (path.find()) {
                Path laidOut = root.resolve(path.group(2).substring(1));
                path.appendReplacement(mapped, Matcher.quoteReplacement(path.group(1)
                        + (Files.exists(laidOut) ? laidOut.toString() : path.group(2))));
            }
            path.appendTail(mapped);
            return mapped.toString();
        }
    }

    /**
     * Class-data sharing as Spring Boot documents it for Java 17: the jar extracted to its {@code tools} layout (the
     * application jar and its libraries side by side, which the JVM can archive; it cannot archive classes loaded from
     * jars nested in the jar), and a dynamic archive the JVM writes at the end of a training run
     * ({@code -XX:ArchiveClassesAtExit}) and maps at every later start ({@code -XX:SharedArchiveFile}). Ward's training
     * run is a read-only command: on Java 17 the JVM crashes writing an archive at the end of a demo scan.
     */
    private record ClassData(List<String> ward, List<String> minimal, double trainingSeconds, long archiveBytes) {

        /** The archives, or empty (having said why) when this JVM cannot make them. */
        static Optional<ClassData> prepare(String java, Path wardJar, Path folder, List<String> minimal,
                List<String> training) throws IOException, InterruptedException {
            Files.createDirectories(folder);
            Path extracted = folder.resolve("ward");
            Timed extract = time(folder, List.of(java, "-Djarmode=tools", "-jar", wardJar.toString(), "extract",
                    "--destination", extracted.toString()));
            if (extract.exit() != 0) {
                throw new IllegalStateException("Extracting " + wardJar + " failed: " + extract.output());
            }
            Path jar = extracted.resolve(wardJar.getFileName());
            Path archive = folder.resolve("ward.jsa");
            Timed train = time(folder, command(java, List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar",
                    jar.toString()), training));
            Path minimalArchive = folder.resolve("minimal.jsa");
            Timed trainMinimal = time(folder, command(java, List.of("-XX:ArchiveClassesAtExit=" + minimalArchive),
                    minimal));
            if (train.exit() != 0 || trainMinimal.exit() != 0 || !Files.exists(archive) || !Files.exists(minimalArchive)) {
                Timed failed = train.exit() != 0 || !Files.exists(archive) ? train : trainMinimal;
                List<String> lines = failed.output().lines().filter(line -> !line.contains("[warning][cds]")).toList();
                System.out.printf("  class-data sharing: not measured, the training run %s failed (exit %d): %s%n",
                        failed == train ? "of ward findings" : "of the minimal application", failed.exit(),
                        String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
                return Optional.empty();
            }
            List<String> minimalWithArchive = new ArrayList<>();
            minimalWithArchive.add("-XX:SharedArchiveFile=" + minimalArchive);
            minimalWithArchive.addAll(minimal);
            return Optional.of(new ClassData(List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString()),
                    List.copyOf(minimalWithArchive), train.seconds(), Files.size(archive)));
        }
    }

    private record Timed(int exit, double seconds, String output) {
    }

    private static Timed time(Path work, List<String> command) throws IOException, InterruptedException {
        return time(work, work, command);
    }

    private static Timed time(Path work, Path directory, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run", ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Timed(exit, seconds, Files.readString(log));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * The minimal application's class path: a jar of its own class, and spring-boot-starter's jars, taken from the bench
     * jar (jars only: the JVM does not archive classes from a directory on the class path).
     */
    private static String minimalClassPath(Path benchJar, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<String> entries = new ArrayList<>();
        Path application = folder.resolve("minimal-application.jar");
        entries.add(application.toString());
        try (JarFile jar = new JarFile(benchJar.toFile());
                JarOutputStream classes = new JarOutputStream(Files.newOutputStream(application))) {
            for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements();) {
                JarEntry entry = all.nextElement();
                String name = entry.getName();
                if (name.startsWith("BOOT-INF/lib/") && STARTER.matcher(name.substring("BOOT-INF/lib/".length())).matches()) {
                    Path target = folder.resolve(name.substring("BOOT-INF/lib/".length()));
                    entries.add(target.toString());
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } else if (name.startsWith("BOOT-INF/classes/org/ward/bench/minimal/") && !entry.isDirectory()) {
                    classes.putNextEntry(new JarEntry(name.substring("BOOT-INF/classes/".length())));
                    try (InputStream in = jar.getInputStream(entry)) {
                        in.transferTo(classes);
                    }
                    classes.closeEntry();
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
