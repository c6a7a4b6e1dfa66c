package org.ward.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How long Ward's read-only commands take from {@code java -jar} to exit, against Spring Boot's smallest application
 * started the same way on the same machine in the same run (spring-boot-starter's jars alone, an empty context). Each
 * is run several times in turn and the median kept. A demo scan first makes a database for the commands to read; its
 * output gives the demo's in-process simulator's own start time.
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

    void run() throws Exception {
        Path wardJar = Path.of(options.values().getOrDefault("ward-jar", "connector/target/ward.jar")).toAbsolutePath();
        Path benchJar = Path.of(options.values().getOrDefault("bench-jar", "bench/target/ward-bench.jar")).toAbsolutePath();
        int runs = options.integer("runs", 5);
        Path work = Files.createTempDirectory("ward-bench-startup");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String minimalClassPath = minimalClassPath(benchJar, work.resolve("minimal"));
        String dataDir = work.resolve("data").toString();

        System.out.printf("Start-up, %d runs each, median wall time from process start to exit (%d cores)%n", runs,
                Runtime.getRuntime().availableProcessors());
        Timed demo = time(work, List.of(java, "-jar", wardJar.toString(), "scan", "--demo", "--data-dir", dataDir));
        if (demo.exit() != 0) {
            throw new IllegalStateException("The demo scan failed (exit " + demo.exit() + "): " + demo.output());
        }
        Matcher simulator = SIMULATOR_START.matcher(demo.output());
        System.out.printf("  demo scan (to have a database to read): %.1f s; the in-process simulator started in %s%n",
                demo.seconds(), simulator.find() ? simulator.group(1) + " s of its own time" : "(not reported)");

        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("minimal Spring Boot application", List.of(java, "-cp", minimalClassPath,
                "org.ward.bench.minimal.MinimalSpringBootApplication"));
        commands.put("ward --help", List.of(java, "-jar", wardJar.toString(), "--help"));
        // The demo keeps its database in the demo folder of its data folder, scanned with the demo's policy pack.
        String demoData = Path.of(dataDir, "demo").toString();
        commands.put("ward findings", List.of(java, "-jar", wardJar.toString(), "findings", "--data-dir", demoData,
                "--policy", DEMO_POLICY));
        commands.put("ward audit --verify", List.of(java, "-jar", wardJar.toString(), "audit", "--verify", "--data-dir",
                demoData, "--policy", DEMO_POLICY));
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        commands.keySet().forEach(name -> seconds.put(name, new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            for (Map.Entry<String, List<String>> command : commands.entrySet()) {
                Timed timed = time(work, command.getValue());
                if (timed.exit() != 0) {
                    throw new IllegalStateException(command.getKey() + " failed (exit " + timed.exit() + "): "
                            + timed.output());
                }
                seconds.get(command.getKey()).add(timed.seconds());
            }
        }
        double minimal = median(seconds.get("minimal Spring Boot application"));
        for (Map.Entry<String, List<Double>> times : seconds.entrySet()) {
            double median = median(times.getValue());
            System.out.printf("  %-34s %5.2f s (runs: %s)%s%n", times.getKey(), median, times.getValue().stream()
                    .map(s -> String.format("%.2f", s)).collect(Collectors.joining(", ")),
                    times.getKey().startsWith("minimal") ? "" : String.format("  %.2f x the minimal application (target"
                            + " <= 1.5)", median / minimal));
        }
    }

    private record Timed(int exit, double seconds, String output) {
    }

    private static Timed time(Path work, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run", ".log");
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
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

    /** The minimal application's class path: its own class and spring-boot-starter's jars, taken from the bench jar. */
    private static String minimalClassPath(Path benchJar, Path folder) throws IOException {
        Files.createDirectories(folder.resolve("classes"));
        List<String> entries = new ArrayList<>();
        entries.add(folder.resolve("classes").toString());
        try (JarFile jar = new JarFile(benchJar.toFile())) {
            for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements();) {
                JarEntry entry = all.nextElement();
                String name = entry.getName();
                Path target = null;
                if (name.startsWith("BOOT-INF/lib/") && STARTER.matcher(name.substring("BOOT-INF/lib/".length())).matches()) {
                    target = folder.resolve(name.substring("BOOT-INF/lib/".length()));
                    entries.add(target.toString());
                } else if (name.startsWith("BOOT-INF/classes/org/ward/bench/minimal/") && !entry.isDirectory()) {
                    target = folder.resolve("classes").resolve(name.substring("BOOT-INF/classes/".length()));
                    Files.createDirectories(target.getParent());
                }
                if (target != null) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
