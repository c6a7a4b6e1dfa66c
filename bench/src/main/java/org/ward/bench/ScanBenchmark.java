package org.ward.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.scan.ScanService;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorMain;
import org.ward.simulator.fixture.TenantGenerator;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.throttle.Budget;
import org.ward.simulator.throttle.Latency;

/**
 * A scan of a generated tenant with throttling on, measured from the simulator's request log: first the inventory
 * alone (sharing off), then the first read of every recording's permissions, then a rescan of the unchanged tenant.
 * Prints each run's figures and the ratio of the time its SharePoint steps took to the floor Microsoft's limits allow
 * (the identity step has limits of its own; evaluation and copies are local work).
 */
final class ScanBenchmark {

    private final BenchMain.Options options;

    ScanBenchmark(BenchMain.Options options) {
        this.options = options;
    }

    void run() throws Exception {
        int sites = options.integer("sites", 100);
        int perSite = options.integer("items-per-site", 1_000);
        long latencyMs = options.number("latency", 90);
        TenantGenerator generator = new TenantGenerator(sites, perSite, options.number("seed", 1));
        Simulator.Builder builder = Simulator.builder().latency(new Latency(Duration.ofMillis(latencyMs), 0.5))
                .tenant((clock, authority) -> generator.generate(clock, "bench-secret", SimulatorMain.FULL_PERMISSIONS));
        if (options.values().containsKey("budget")) {
            builder.sharePointBudget(new Budget(options.number("budget", 1_250), Duration.ofMinutes(1), true));
        }
        try (Simulator simulator = builder.start()) {
            long budget = simulator.throttle().budget(org.ward.simulator.throttle.Buckets.SHAREPOINT).units();
            Path dataDir = Files.createTempDirectory("ward-bench-scan");
            Map<String, Object> settings = WardRun.settings(simulator.info(), "bench-secret", dataDir, budget);
            System.out.printf("Tenant: %d sites x %,d items, %d users; SharePoint budget %,d resource units/min; latency %d ms mean%n",
                    sites, perSite, simulator.tenant().read(() -> simulator.tenant().users().size()), budget, latencyMs);
            Map<String, Object> inventoryOnly = new HashMap<>(settings);
            inventoryOnly.put("ward.sharing.enabled", false);
            measure("1. Inventory (first scan, sharing off)", simulator, inventoryOnly, budget, latencyMs);
            if (options.flag("sharing", true)) {
                measure("2. Sharing (first permission read of every recording)", simulator, settings, budget, latencyMs);
                measure("3. Rescan of the unchanged tenant", simulator, settings, budget, latencyMs);
            } else {
                measure("2. Rescan of the unchanged tenant (sharing off)", simulator, inventoryOnly, budget, latencyMs);
            }
        }
    }

    /** The first page is asked for at /drives/{id}/items/root/delta, the next ones at Graph's /drives/{id}/root/delta links. */
    private static String driveOf(String path) {
        int start = path.indexOf("/drives/") + "/drives/".length();
        int end = path.indexOf('/', start);
        // The SDK percent-encodes the "!" of SharePoint drive ids; Graph's links carry it plain.
        return java.net.URLDecoder.decode(end < 0 ? path : path.substring(start, end), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Steps whose time Graph's SharePoint limits bound; identity has its own limits, the rest is local work. */
    private static final List<String> SHAREPOINT_STEPS = List.of("discoverStep", "inventoryStep", "fileLabelStep",
            "sharingStep");

    /** Seconds per step of the latest scan, from Spring Batch's own records (partition workers left out). */
    private static Map<String, Double> stepSeconds(JdbcTemplate jdbc) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        jdbc.query("SELECT STEP_NAME, START_TIME, END_TIME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID ="
                + " (SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION) ORDER BY STEP_EXECUTION_ID", rs -> {
                    String name = rs.getString(1);
                    if (!name.contains(":") && rs.getTimestamp(2) != null && rs.getTimestamp(3) != null) {
                        seconds.merge(name, (rs.getTimestamp(3).getTime() - rs.getTimestamp(2).getTime()) / 1000.0, Double::sum);
                    }
                });
        return seconds;
    }

    private static void measure(String title, Simulator simulator, Map<String, Object> settings, long budget, long latencyMs) {
        simulator.requestLog().clear();
        long items;
        long recordings;
        long started;
        long wallNanos;
        Map<String, Double> steps;
        try (ConfigurableApplicationContext ward = WardRun.start(settings)) {
            started = System.nanoTime();
            ward.getBean(ScanService.class).scan();
            wallNanos = System.nanoTime() - started;
            items = ward.getBean(ItemStore.class).count();
            recordings = ward.getBean(ItemStore.class).countRecordings();
            steps = stepSeconds(ward.getBean(JdbcTemplate.class));
        }
        List<RequestLogEntry> log = simulator.requestLog().entries();
        long requests = log.stream().filter(e -> !e.inBatch()).count();
        long permissionReads = log.stream().filter(e -> e.path().endsWith("/permissions")).count();
        long labelReads = log.stream().filter(e -> e.path().endsWith("/extractSensitivityLabels")).count();
        long detailReads = log.stream().filter(e -> e.inBatch() && e.query() != null && e.query().contains("retentionLabel"))
                .count();
        long batches = log.stream().filter(e -> e.path().equals("/$batch")).count();
        long inventoryRequests = requests - batches;
        long throttled = log.stream().filter(RequestLogEntry::throttled).count();
        long unitsUsed = log.stream().filter(e -> e.status() != 429 && e.bucket().equals("sharepoint"))
                .mapToLong(RequestLogEntry::resourceUnits).sum();
        Map<String, Long> pagesPerDrive = new HashMap<>();
        log.stream().filter(e -> e.path().endsWith("/delta") && e.status() == 200)
                .forEach(e -> pagesPerDrive.merge(driveOf(e.path()), 1L, Long::sum));
        long longestDrivePages = pagesPerDrive.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double unitFloor = unitsUsed / (budget / 60.0);
        double pageFloor = longestDrivePages * latencyMs / 1000.0;
        double floor = Math.max(unitFloor, pageFloor);
        double wall = wallNanos / 1e9;
        double sharePointWall = SHAREPOINT_STEPS.stream().mapToDouble(step -> steps.getOrDefault(step, 0.0)).sum();
        System.out.println();
        System.out.println(title);
        System.out.printf("  items %,d (recordings %,d)%n", items, recordings);
        System.out.printf("  Graph requests %,d: inventory and discovery %,d (%.2f per 1,000 items), $batch %,d carrying %,d"
                + " permission reads (%.2f per recording), %,d label reads and %,d item-detail reads (retention label and"
                + " columns, %.2f per recording); all requests incl. $batch %.2f per 1,000 items%n", requests,
                inventoryRequests, inventoryRequests * 1000.0 / Math.max(1, items), batches, permissionReads,
                permissionReads / (double) Math.max(1, recordings), labelReads, detailReads,
                detailReads / (double) Math.max(1, recordings), requests * 1000.0 / Math.max(1, items));
        System.out.printf("  resource units %,d; 429s received %,d%n", unitsUsed, throttled);
        System.out.printf("  wall %.1f s, of which the SharePoint steps %.1f s (%s)%n", wall, sharePointWall, steps.entrySet()
                .stream().map(e -> e.getKey() + " " + String.format("%.1f", e.getValue())).collect(Collectors.joining(", ")));
        System.out.printf("  floor %.1f s (units/budget %.1f s, longest drive %d pages x %d ms = %.1f s); SharePoint steps/floor %.2f%n",
                floor, unitFloor, longestDrivePages, latencyMs, pageFloor, floor == 0 ? 0 : sharePointWall / floor);
    }
}
