package org.ward.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * {@code java -jar bench/target/ward-bench.jar BENCHMARK [options]}: benchmarks that print figures. They are never
 * run as tests (timings on shared machines are noisy); docs/benchmarks.md records figures from one run each.
 */
public final class BenchMain {

    private static final String USAGE = """
            Usage: java -jar bench/target/ward-bench.jar BENCHMARK [options]

              simulator-throughput [--seconds S] [--threads T] [--warm-up S]
                  simple Graph requests per second the simulator serves with latency and throttling off
              generator [--sites N] [--items-per-site M]
                  time and heap to generate a large tenant (run with -Xmx4g for 1,000,000 items)
              scan [--sites N] [--items-per-site M] [--budget RU_PER_MINUTE] [--latency MS] [--seed S]
                   [--unique-share F] [--sharing false] [--crawl false]
                  a full scan, then a rescan, of a generated tenant with throttling on: requests, resource units,
                  429s, permission reads against the uniquely-permissioned items, wall time and its ratio to the
                  floor; then the community scripts' crawl (every folder's children, every file's permissions)
                  through the same client and budget, side by side (--sharing false: inventory only)
              scan-bands [--sites N] [--items-per-site M] [--budgets 1250,3750,6250] [--latency MS]
                  the first inventory at each licence band's budget with the simulator in its own process: requests
                  per 1,000 items, resource units, the SharePoint steps against the floor, Ward's CPU per 1,000 items
              scan-memory [--sites N] [--items-per-site M] [--sharing false]
                  peak heap of Ward scanning a large generated tenant served by a separate simulator process
                  (run this JVM with -Xmx2g), sharing on
              notifications [--drives D] [--changes C] [--items-per-site M] [--seed S] [--throttling true] [--workers W]
                  ward serve under a burst of C (1,000) changes across D (100) drives: notifications received, changes
                  found and lost, notification -> stored finding latency p50/p99, endpoint answer p50/p99
                  (--throttling true: Graph's resource-unit budget on, which bounds permission reads per minute)
              protect [--files N] [--window DURATION] [--share S] [--latency MS]
                  ward protect --apply on N (200) consent forms beside recordings: sensitivity labels applied per
                  window of the tenant's cap (100 per --window, Microsoft's PT5M by default) against the cap, 429s,
                  and the label requests a second, unchanged run makes
              sign-ins [--events N] [--users U] [--direct true]
                  sign-in events analysed per second and peak heap for a 29-day log of N (1,000,000) events,
                  read through the SDK from the in-process simulator, or fed straight to the detectors (--direct)
              classifier [--per-pack N] [--seed S]
                  precision and recall of the recording classifier per kind and overall on a generated, labelled
                  corpus of N (2,000) file paths per built-in pack: recordings in many shapes and decoys
              startup [--runs R] [--image-work DIR]
                  median time from java -jar to exit of ward --help, ward findings and ward audit --verify against
                  Spring Boot's smallest application, in one run; and the demo's in-process simulator's start time;
                  and the same three started as the container image starts them, from the files the image build laid
                  out (DIR: image/target/image-work, made by ./mvnw -B -pl image -am -Pimage -DskipTests package)
            """;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return;
        }
        Options options = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "simulator-throughput" -> new SimulatorThroughput(options).run();
            case "generator" -> new GeneratorMemory(options).run();
            case "scan" -> new ScanBenchmark(options).run();
            case "scan-memory" -> new ScanMemory(options).run();
            case "scan-bands" -> new ScanBands(options).run();
            case "sign-ins" -> new SignInBenchmark(options).run();
            case "notifications" -> new NotificationBenchmark(options).run();
            case "classifier" -> new ClassifierBenchmark(options).run();
            case "protect" -> new ProtectBenchmark(options).run();
            case "startup" -> new StartupTimes(options).run();
            default -> {
                System.err.println("ward-bench: unknown benchmark " + args[0]);
                System.err.print(USAGE);
                System.exit(2);
            }
        }
        // Client and server thread pools are not worth tearing down one by one for a process that is done.
        System.exit(0);
    }

    /** "--name value" pairs. */
    record Options(Map<String, String> values) {

        static Options parse(String[] args) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("options are --name value pairs: " + args[i]);
                }
                values.put(args[i].substring(2), args[++i]);
            }
            return new Options(values);
        }

        int integer(String name, int fallback) {
            return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
        }

        long number(String name, long fallback) {
            return values.containsKey(name) ? Long.parseLong(values.get(name)) : fallback;
        }

        boolean flag(String name, boolean fallback) {
            return values.containsKey(name) ? Boolean.parseBoolean(values.get(name)) : fallback;
        }
    }
}
