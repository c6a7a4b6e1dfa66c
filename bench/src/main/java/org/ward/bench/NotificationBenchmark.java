package org.ward.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.notifications.ChangeOutbox;
import org.ward.connector.notifications.WatchedDrives;
import org.ward.connector.serve.ServiceDefaults;
import org.ward.rules.findings.Finding;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorMain;
import org.ward.simulator.fixture.TenantGenerator;
import org.ward.simulator.subscriptions.ChangeNotifications;
import org.ward.simulator.subscriptions.Delivery;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.subscriptions.SubscriptionState;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;

/**
 * {@code ward serve} under a burst: a generated tenant, ten recordings placed in each of {@code --drives} site
 * libraries, Ward serving with its defaults (it scans, then subscribes to every drive), then {@code --changes} Anyone
 * links made on those recordings as fast as the simulator takes them, spread across the drives. The simulator
 * notifies with its defaults (one second after each change, Graph's 3 s timeout) over real HTTP on loopback. Prints
 * what Ward received, how many changes became a stored finding, the latency from Graph's notification to the stored
 * finding, and the endpoint's answer times as Graph's client measured them.
 */
final class NotificationBenchmark {

    private final BenchMain.Options options;

    NotificationBenchmark(BenchMain.Options options) {
        this.options = options;
    }

    private record Target(String driveId, String itemId) {
    }

    void run() throws Exception {
        int driveCount = options.integer("drives", 100);
        int changes = options.integer("changes", 1_000);
        int perDrive = Math.max(1, changes / driveCount);
        TenantGenerator generator = new TenantGenerator(driveCount, options.integer("items-per-site", 100),
                options.number("seed", 1));
        boolean throttling = options.flag("throttling", false);
        try (Simulator simulator = Simulator.builder()
                .tenant((clock, authority) -> generator.generate(clock, "bench-secret", SimulatorMain.FULL_PERMISSIONS))
                .throttling(throttling).notifications(NotificationSettings.defaults().allowingHttpOnLoopback()).start()) {
            List<Target> targets = place(simulator, driveCount, perDrive);
            Path dataDir = Files.createTempDirectory("ward-bench-notifications");
            int port = freePort();
            long budget = simulator.throttle().budget(org.ward.simulator.throttle.Buckets.SHAREPOINT).units();
            // Ward paces itself to the budget it is told; without the simulator's throttling there is none to keep to.
            Map<String, Object> settings = new LinkedHashMap<>(WardRun.settings(simulator.info(), "bench-secret", dataDir,
                    throttling ? budget : 1_000_000));
            settings.put("server.port", String.valueOf(port));
            settings.put("server.address", "127.0.0.1");
            settings.put("ward.webhook.public-url", "http://127.0.0.1:" + port);
            settings.put("ward.serve.scan-cron", "-");
            settings.put("ward.serve.identity-cron", "-");
            if (options.flag("debug", false)) {
                settings.put("logging.level.org.ward.connector.scan.DriveRefresh", "DEBUG");
                settings.put("logging.level.org.ward.connector.graph.ResilienceInterceptor", "TRACE");
                settings.put("logging.level.org.ward.connector.serve.ChangeProcessor", "DEBUG");
            }
            if (options.values().containsKey("workers")) {
                settings.put("ward.serve.workers", String.valueOf(options.integer("workers", 8)));
            }
            System.out.printf(Locale.ROOT, "Tenant: %d site libraries with %d recordings each placed for the burst, %d drives"
                    + " in all; Graph latency 90 ms mean (the simulator's default); notifications %d ms after each change;"
                    + " throttling %s%n", driveCount, perDrive, simulator.tenant().read(() -> simulator.tenant().drives().size()),
                    simulator.changeNotifications().settings().delay().toMillis(),
                    throttling ? "on (SharePoint budget " + budget + " resource units/min)" : "off");
            Instant starting = Instant.now();
            try (ConfigurableApplicationContext ward = WardApplication.run(settings, ServiceDefaults.properties(), true)) {
                ChangeNotifications notifications = simulator.changeNotifications();
                WatchedDrives watched = ward.getBean(WatchedDrives.class);
                ChangeOutbox outbox = ward.getBean(ChangeOutbox.class);
                waitFor(Duration.ofMinutes(20), () -> !watched.drives().isEmpty()
                        && notifications.subscriptions().size() == watched.drives().size() && outbox.backlog().changes() == 0);
                System.out.printf(Locale.ROOT, "Ward serving: first scan and %d subscriptions in %.1f s%n",
                        notifications.subscriptions().size(), seconds(starting, Instant.now()));
                burst(simulator, ward, targets);
            }
        }
    }

    private void burst(Simulator simulator, ConfigurableApplicationContext ward, List<Target> targets) throws Exception {
        ChangeNotifications notifications = simulator.changeNotifications();
        MeterRegistry registry = ward.getBean(MeterRegistry.class);
        FindingStore findings = ward.getBean(FindingStore.class);
        double receivedBefore = count(registry, "ward.notifications.received");
        double refreshesBefore = refreshes(registry);
        notifications.clearDeliveries();
        Map<Target, Instant> madeAt = new LinkedHashMap<>();
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Instant burstStart = Instant.now();
        for (Target target : targets) {
            simulator.changes().createLink(target.driveId(), target.itemId(), "view", "anonymous", null, false, List.of());
            madeAt.put(target, Instant.now());
        }
        Instant burstEnd = Instant.now();
        // Wait for Ward to take in every notification and drain its outbox, reading only its counters meanwhile (the
        // findings register is read once, at the end: Ward records each finding's time itself).
        ChangeOutbox outbox = ward.getBean(ChangeOutbox.class);
        Instant deadline = burstEnd.plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline) && (count(registry, "ward.notifications.received") - receivedBefore
                < targets.size() || outbox.backlog().changes() > 0)) {
            Thread.sleep(250);
        }
        Map<String, Instant> foundAt = new HashMap<>();
        java.util.Set<String> wanted = new java.util.HashSet<>(madeAt.keySet().stream()
                .map(t -> t.driveId() + "/" + t.itemId()).toList());
        for (Finding f : findings.open()) {
            String key = f.resource().driveId() + "/" + f.resource().itemId();
            if (f.type() == SharingCatalogue.ANONYMOUS_LINK && wanted.contains(key)) {
                foundAt.put(key, f.firstSeen());
            }
        }
        // When Graph first posted to Ward about each drive, change by change.
        Map<String, String> driveOfSubscription = new HashMap<>();
        for (SubscriptionState s : notifications.subscriptions()) {
            driveOfSubscription.put(s.id(), s.driveId());
        }
        Map<String, List<Instant>> postedByDrive = new HashMap<>();
        List<Long> postMillis = new ArrayList<>();
        long posts = 0;
        for (Delivery d : notifications.deliveries()) {
            if (d.kind() != Delivery.Kind.CHANGE || d.outcome() != Delivery.Outcome.DELIVERED) {
                continue;
            }
            posts++;
            postMillis.add(d.millis());
            for (String id : d.subscriptionIds()) {
                String drive = driveOfSubscription.get(id);
                if (drive != null) {
                    postedByDrive.computeIfAbsent(drive, k -> new ArrayList<>()).add(d.at());
                }
            }
        }
        postedByDrive.values().forEach(list -> list.sort(null));
        List<Double> notifiedToFound = new ArrayList<>();
        List<Double> changeToFound = new ArrayList<>();
        for (Map.Entry<Target, Instant> made : madeAt.entrySet()) {
            Instant found = foundAt.get(made.getKey().driveId() + "/" + made.getKey().itemId());
            if (found == null) {
                continue;
            }
            changeToFound.add(seconds(made.getValue(), found));
            Instant notified = postedByDrive.getOrDefault(made.getKey().driveId(), List.of()).stream()
                    .filter(at -> !at.isBefore(made.getValue())).findFirst().orElse(null);
            if (notified != null) {
                notifiedToFound.add(Math.max(0, seconds(notified, found)));
            }
        }
        double received = count(registry, "ward.notifications.received") - receivedBefore;
        Timer response = registry.find("ward.notifications.response").timer();
        System.out.printf(Locale.ROOT, "Burst: %,d changes (Anyone links on recordings) across %d drives, made in %.1f s"
                + " (machine load average %.1f on %d cores when it began)%n", targets.size(),
                targets.stream().map(Target::driveId).distinct().count(), seconds(burstStart, burstEnd), load,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "Notifications received by Ward: %,.0f in %,d posts (dropped or failed posts: %d)%n",
                received, posts, notifications.deliveries().stream().filter(d -> d.kind() == Delivery.Kind.CHANGE
                        && d.outcome() != Delivery.Outcome.DELIVERED).count());
        System.out.printf(Locale.ROOT, "Changes found (stored ANONYMOUS_LINK finding): %,d of %,d; lost: %,d%n", foundAt.size(),
                targets.size(), targets.size() - foundAt.size());
        double refreshSeconds = registry.find("ward.drive.refreshes").timers().stream()
                .mapToDouble(t -> t.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).sum() / 1000.0;
        double refreshCount = refreshes(registry);
        System.out.printf(Locale.ROOT, "Drive refreshes: %,.0f (bursts coalesced per drive), %.2f s each on average since"
                + " the start, %s workers%n", refreshes(registry) - refreshesBefore, refreshSeconds / Math.max(1, refreshCount),
                ward.getEnvironment().getProperty("ward.serve.workers", "the default"));
        System.out.printf(Locale.ROOT, "Notification -> stored finding: p50 %.2f s, p99 %.2f s, max %.2f s (target p99 < 5 s)%n",
                percentile(notifiedToFound, 50), percentile(notifiedToFound, 99), percentile(notifiedToFound, 100));
        System.out.printf(Locale.ROOT, "Change -> stored finding (adds Graph's notification delay): p50 %.2f s, p99 %.2f s%n",
                percentile(changeToFound, 50), percentile(changeToFound, 99));
        List<Double> millis = postMillis.stream().map(Long::doubleValue).toList();
        System.out.printf(Locale.ROOT, "Endpoint answer, as Graph's client timed each POST: p50 %.0f ms, p99 %.0f ms, max %.0f ms"
                + " (target p99 < 100 ms)%n", percentile(millis, 50), percentile(millis, 99), percentile(millis, 100));
        if (response != null) {
            Map<Double, Double> own = new TreeMap<>();
            for (ValueAtPercentile p : response.takeSnapshot().percentileValues()) {
                own.put(p.percentile(), p.value(java.util.concurrent.TimeUnit.MILLISECONDS));
            }
            System.out.printf(Locale.ROOT, "Endpoint answer, Ward's own timer (body in to answer out): p50 %.1f ms, p99 %.1f ms%n",
                    own.getOrDefault(0.5, Double.NaN), own.getOrDefault(0.99, Double.NaN));
        }
    }

    /** Ten (or --changes / --drives) recordings in each of the first site libraries, made before Ward first scans. */
    private static List<Target> place(Simulator simulator, int driveCount, int perDrive) {
        List<Drive> libraries = simulator.tenant().read(() -> simulator.tenant().drives().stream()
                .filter(d -> d.driveType.equals("documentLibrary")).sorted(java.util.Comparator.comparing(d -> d.siteId))
                .limit(driveCount).toList());
        List<List<Target>> byDrive = new ArrayList<>();
        for (Drive drive : libraries) {
            List<Target> mine = new ArrayList<>();
            for (int k = 0; k < perDrive; k++) {
                Item item = simulator.changes().addFile(drive.id, drive.rootId, NewFile.named(String.format(Locale.ROOT,
                        "Consultation 999 000 %04d burst %d.mp4", (k * 37) % 10_000, k), drive.id + "#burst" + k)
                        .sized(40_000_000L).withMedia(new Item.Media("video", 900_000L, 1280, 720, null, null)));
                mine.add(new Target(drive.id, item.id));
            }
            byDrive.add(mine);
        }
        // Interleaved: the burst moves from drive to drive, as changes across a trust would.
        List<Target> targets = new ArrayList<>();
        for (int k = 0; k < perDrive; k++) {
            for (List<Target> mine : byDrive) {
                targets.add(mine.get(k));
            }
        }
        return targets;
    }

    private static double count(MeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static double refreshes(MeterRegistry registry) {
        return registry.find("ward.drive.refreshes").timers().stream().mapToDouble(t -> t.count()).sum();
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void waitFor(Duration most, java.util.function.BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(most);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Ward did not get ready within " + most);
            }
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
