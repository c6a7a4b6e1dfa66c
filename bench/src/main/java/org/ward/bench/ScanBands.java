package org.ward.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.scan.ScanService;

import tools.jackson.databind.JsonNode;

/**
 * The first inventory of a generated tenant at each of Microsoft's licence bands, with the simulator in a process of
 * its own so that only Ward's work runs in this JVM: requests (every HTTP request, {@code $batch} included) per 1,000
 * items, resource units, the SharePoint steps' time against the floor the budget allows, and Ward's own CPU time per
 * 1,000 items. The simulator process is started afresh for each band (a new tenant, an empty budget).
 */
final class ScanBands {

    private static final List<String> SHAREPOINT_STEPS = List.of("discoverStep", "inventoryStep", "fileLabelStep",
            "sharingStep");

    private final BenchMain.Options options;

    ScanBands(BenchMain.Options options) {
        this.options = options;
    }

    void run() throws Exception {
        int sites = options.integer("sites", 100);
        int perSite = options.integer("items-per-site", 1_000);
        long latencyMs = options.number("latency", 90);
        String jar = options.values().getOrDefault("simulator-jar", "simulator/target/ward-simulator.jar");
        List<Long> budgets = new ArrayList<>();
        for (String band : options.values().getOrDefault("budgets", "1250,3750,6250").split(",")) {
            budgets.add(Long.parseLong(band.trim()));
        }
        System.out.printf("Tenant: %d sites x %,d items (generated, seed 1); latency %d ms mean; simulator in its own"
                + " process; inventory only (sharing off)%n", sites, perSite, latencyMs);
        List<String> rows = new ArrayList<>();
        for (long budget : budgets) {
            rows.add(band(jar, sites, perSite, latencyMs, budget));
        }
        System.out.println();
        System.out.println("| RU/min | items | requests per 1,000 items (all) | resource units | 429s | SharePoint steps | floor |"
                + " steps ÷ floor | Ward CPU per 1,000 items |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private String band(String jar, int sites, int perSite, long latencyMs, long budget) throws Exception {
        Path work = Files.createTempDirectory("ward-bench-bands-" + budget);
        List<String> simulatorOptions = List.of("--tenant", "generated", "--sites", String.valueOf(sites), "--items-per-site",
                String.valueOf(perSite), "--latency", String.valueOf(latencyMs), "--budget", String.valueOf(budget));
        try (SimulatorProcess simulator = SimulatorProcess.start(jar, "6g", work.resolve("simulator"), simulatorOptions)) {
            Map<String, Object> settings = new HashMap<>(WardRun.settings(simulator.info(), simulator.info().clientSecret(),
                    work.resolve("ward"), budget));
            settings.put("ward.sharing.enabled", false);
            long items;
            Map<String, Double> steps;
            double simulatorCpuBefore = simulator.cpuSeconds();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore;
            long cpuAfter;
            long started;
            long wall;
            try (ConfigurableApplicationContext ward = WardRun.start(settings)) {
                cpuBefore = os.getProcessCpuTime();
                started = System.nanoTime();
                ward.getBean(ScanService.class).scan();
                wall = System.nanoTime() - started;
                cpuAfter = os.getProcessCpuTime();
                items = ward.getBean(ItemStore.class).count();
                steps = stepSeconds(ward.getBean(JdbcTemplate.class));
            }
            double simulatorCpu = simulator.cpuSeconds() - simulatorCpuBefore;
            List<JsonNode> log = simulator.stopAndReadLog();
            long requests = log.stream().filter(e -> !e.path("inBatch").asBoolean()).count();
            long throttled = log.stream().filter(e -> e.path("status").asInt() == 429).count();
            long units = log.stream().filter(e -> e.path("status").asInt() != 429
                    && e.path("bucket").asString().equals("sharepoint")).mapToLong(e -> e.path("resourceUnits").asLong()).sum();
            Map<String, Long> pagesPerDrive = new HashMap<>();
            log.stream().filter(e -> e.path("path").asString().endsWith("/delta") && e.path("status").asInt() == 200)
                    .forEach(e -> pagesPerDrive.merge(collection(e.path("path").asString()), 1L, Long::sum));
            long longestPages = pagesPerDrive.values().stream().mapToLong(Long::longValue).max().orElse(0);
            double unitFloor = units / (budget / 60.0);
            double pageFloor = longestPages * latencyMs / 1000.0;
            double floor = Math.max(unitFloor, pageFloor);
            double sharePoint = SHAREPOINT_STEPS.stream().mapToDouble(s -> steps.getOrDefault(s, 0.0)).sum();
            double wardCpu = (cpuAfter - cpuBefore) / 1e9;
            System.out.println();
            System.out.printf("Budget %,d RU/min%n", budget);
            System.out.printf("  items %,d; requests %,d (%.2f per 1,000 items, every HTTP request counted); resource units %,d;"
                    + " 429s %,d%n", items, requests, requests * 1000.0 / Math.max(1, items), units, throttled);
            System.out.printf("  scan %.1f s, of which the SharePoint steps %.1f s %s%n", wall / 1e9, sharePoint, steps);
            System.out.printf("  floor %.1f s (units/budget %.1f s; longest library %d delta pages x %d ms = %.1f s);"
                    + " SharePoint steps/floor %.2f%n", floor, unitFloor, longestPages, latencyMs, pageFloor,
                    floor == 0 ? 0 : sharePoint / floor);
            System.out.printf("  Ward's CPU %.1f s (%.0f ms per 1,000 items); the simulator's CPU in its own process %.1f s%n",
                    wardCpu, wardCpu * 1e6 / Math.max(1, items), simulatorCpu);
            return String.format("| %,d | %,d | %.2f | %,d | %,d | %.1f s | %.1f s | **%.2f** | %.0f ms |", budget, items,
                    requests * 1000.0 / Math.max(1, items), units, throttled, sharePoint, floor,
                    floor == 0 ? 0 : sharePoint / floor, wardCpu * 1e6 / Math.max(1, items));
        }
    }

    /** The drive or list a delta request read, so pages can be counted per library and per feed. */
    private static String collection(String path) {
        int items = path.indexOf("/items/");
        return items < 0 ? path : path.substring(0, items) + (path.contains("/lists/") ? " (list)" : " (drive)");
    }

    private static Map<String, Double> stepSeconds(JdbcTemplate jdbc) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        jdbc.query("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID ="
                + " (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) ORDER BY STEP_EXECUTION_ID", rs -> {
                    String name = rs.getString(1);
                    if (!name.contains(":") && rs.getTimestamp(2) != null && rs.getTimestamp(3) != null) {
                        seconds.merge(name, Math.round((rs.getTimestamp(3).getTime() - rs.getTimestamp(2).getTime()) / 100.0)
                                / 10.0, Double::sum);
                    }
                });
        return seconds;
    }
}
