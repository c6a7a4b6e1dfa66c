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
 * alone (sharing off), then the first read of the permission lists (with Sites.FullControl.All: the roots of permission
 * hierarchies delta marks, and each library's root), then a rescan of the unchanged tenant, then the crawl community
 * sharing-report scripts do ({@link CommunityCrawl}) for comparison. Prints each run's figures and the ratio of the time its SharePoint steps took to the floor Microsoft's limits allow
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
        TenantGenerator generator = new TenantGenerator(sites, perSite, options.number("seed", 1)).withUniqueShare(
                Double.parseDouble(options.values().getOrDefault("unique-share", String.valueOf(
                        TenantGenerator.DEFAULT_UNIQUE_SHARE))));
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
            Run inventory = measure("1. Inventory (first scan, sharing off)", simulator, inventoryOnly, budget, latencyMs);
            if (options.flag("sharing", true)) {
                long roots = simulator.tenant().read(() -> simulator.tenant().drives().stream().mapToLong(d -> d.allItems()
                        .stream().filter(i -> !i.deleted && i.uniquePermissions && !i.id.equals(d.rootId)).count()).sum());
                long drives = simulator.tenant().read(() -> (long) simulator.tenant().drives().size());
                Run sharing = measure("2. Sharing (the drives enumerated again under the sharing preferences; the permission roots and each"
                        + " library's root read)", simulator,
                        settings, budget, latencyMs);
                double sharingFloor = sharing.permissionReads() * 5 / (budget / 60.0);
                System.out.printf("  permission reads %,d for %,d uniquely-permissioned items + %,d drives: %.3f x (target"
                        + " <= 1.05); sharing step %.1f s against its floor %.1f s (those reads x 5 RU / budget): %.2f x"
                        + " (target <= 1.25)%n", sharing.permissionReads(), roots, drives,
                        sharing.permissionReads() / (double) Math.max(1, roots + drives), sharing.steps().getOrDefault(
                                "sharingStep", 0.0), sharingFloor, sharing.steps().getOrDefault("sharingStep", 0.0)
                                / Math.max(0.001, sharingFloor));
                Run rescan = measure("3. Rescan of the unchanged tenant", simulator, settings, budget, latencyMs);
                System.out.printf("  permission reads on the rescan: %,d (target 0)%n", rescan.permissionReads());
                if (options.flag("crawl", true)) {
                    crawl(simulator, settings, inventory, sharing, rescan);
                }
            } else {
                measure("2. Rescan of the unchanged tenant (sharing off)", simulator, inventoryOnly, budget, latencyMs);
            }
        }
    }

    /**
     * Run (4): the community scripts' crawl on the same tenant through the same client and budget, against Ward's
     * first scan with sharing (runs 1 and 2 together: the inventory with its item-detail reads, then the permission
     * reads; an upper bound, since run 2 also enumerates every drive again — a delta cursor read without the sharing
     * preferences is not reused) and Ward's rescan.
     */
    private static void crawl(Simulator simulator, Map<String, Object> settings, Run inventory, Run sharing, Run rescan) {
        simulator.requestLog().clear();
        CommunityCrawl.Result seen;
        long started;
        long wallNanos;
        try (ConfigurableApplicationContext ward = WardRun.start(settings)) {
            started = System.nanoTime();
            seen = CommunityCrawl.run(ward);
            wallNanos = System.nanoTime() - started;
        }
        List<RequestLogEntry> log = simulator.requestLog().entries();
        long requests = log.size();
        long units = log.stream().filter(e -> e.status() != 429 && e.bucket().equals("sharepoint"))
                .mapToLong(RequestLogEntry::resourceUnits).sum();
        long throttled = log.stream().filter(RequestLogEntry::throttled).count();
        double wall = wallNanos / 1e9;
        long wardRequests = inventory.requests() + sharing.requests();
        long wardUnits = inventory.units() + sharing.units();
        double wardSeconds = inventory.sharePointSeconds() + sharing.sharePointSeconds();
        System.out.println();
        System.out.println("4. The community scripts' crawl (every folder's children, every file's permissions), same client"
                + " and budget");
        System.out.printf("  %,d folders walked, %,d files' permissions listed; Graph requests %,d, resource units %,d,"
                + " 429s received %,d, wall %.1f s%n", seen.folders(), seen.files(), requests, units, throttled, wall);
        System.out.println("  It has no incremental form: its rescan is the same crawl again, at the same cost.");
        System.out.printf("  First scan, Ward (runs 1+2, SharePoint steps) vs crawl: requests %,d vs %,d (%.1f x fewer),"
                + " resource units %,d vs %,d (%.1f x fewer; target >= 20), time %.1f s vs %.1f s (%.1f x)%n", wardRequests,
                requests, requests / (double) Math.max(1, wardRequests), wardUnits, units,
                units / (double) Math.max(1, wardUnits), wardSeconds, wall, wall / Math.max(0.001, wardSeconds));
        System.out.printf("  Rescan, Ward (run 3) vs crawl: requests %,d vs %,d (%.1f x fewer), resource units %,d vs %,d"
                + " (%.1f x fewer; target >= 100), time %.1f s vs %.1f s (%.1f x)%n", rescan.requests(), requests,
                requests / (double) Math.max(1, rescan.requests()), rescan.units(), units,
                units / (double) Math.max(1, rescan.units()), rescan.sharePointSeconds(), wall,
                wall / Math.max(0.001, rescan.sharePointSeconds()));
    }

    /** One Ward scan's figures. */
    private record Run(long requests, long units, long permissionReads, double sharePointSeconds, Map<String, Double> steps) {
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

    private static Run measure(String title, Simulator simulator, Map<String, Object> settings, long budget, long latencyMs) {
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
        long listPages = log.stream().filter(e -> e.path().contains("/lists/") && e.path().contains("/items/delta"))
                .count();
        long rereads = log.stream().filter(e -> e.inBatch() && e.path().startsWith("/drives/") && e.query() != null
                && e.query().contains("sharepointIds")).count();
        long batches = log.stream().filter(e -> e.path().equals("/$batch")).count();
        long inventoryRequests = requests - batches;
        long throttled = log.stream().filter(RequestLogEntry::throttled).count();
        long unitsUsed = log.stream().filter(e -> e.status() != 429 && e.bucket().equals("sharepoint"))
                .mapToLong(RequestLogEntry::resourceUnits).sum();
        Map<String, Long> pagesPerDrive = new HashMap<>();
        // A drive's list-item delta pages are read by the same reader as its drive pages, one after the other.
        log.stream().filter(e -> e.path().startsWith("/drives/") && e.path().contains("/delta") && e.status() == 200)
                .forEach(e -> pagesPerDrive.merge(driveOf(e.path()), 1L, Long::sum));
        long longestListPages = log.stream().filter(e -> e.path().contains("/lists/") && e.path().contains("/items/delta")
                && e.status() == 200).collect(Collectors.groupingBy(e -> e.path(), Collectors.counting())).values().stream()
                .mapToLong(Long::longValue).max().orElse(0);
        long longestDrivePages = pagesPerDrive.values().stream().mapToLong(Long::longValue).max().orElse(0)
                + longestListPages;
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
        System.out.printf("  of which list-item delta pages %,d (retention labels and columns of each library) and"
                + " driveItems re-read for a list-only change %,d%n", listPages, rereads);
        System.out.printf("  resource units %,d; 429s received %,d%n", unitsUsed, throttled);
        System.out.printf("  wall %.1f s, of which the SharePoint steps %.1f s (%s)%n", wall, sharePointWall, steps.entrySet()
                .stream().map(e -> e.getKey() + " " + String.format("%.1f", e.getValue())).collect(Collectors.joining(", ")));
        System.out.printf("  floor %.1f s (units/budget %.1f s, longest drive %d pages x %d ms = %.1f s); SharePoint steps/floor %.2f%n",
                floor, unitFloor, longestDrivePages, latencyMs, pageFloor, floor == 0 ? 0 : sharePointWall / floor);
        return new Run(requests, unitsUsed, permissionReads, sharePointWall, steps);
    }
}
