package org.ward.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.protect.LabelChange;
import org.ward.connector.protect.LabelChanges;
import org.ward.connector.protect.Protector;
import org.ward.connector.scan.ScanService;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorMain;
import org.ward.simulator.fixture.TenantGenerator;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.throttle.Latency;

/**
 * ward protect against a generated tenant with consent forms beside consultation videos: how many sensitivity labels
 * Ward gets applied per window of the tenant's cap on assignSensitivityLabel (Microsoft: 100 per 5 minutes per tenant),
 * the 429s it meets, and the label requests a second, unchanged run makes. The window can be scaled down (both the
 * simulator's cap and Ward's pacing use it) so a run takes minutes; pacing does not depend on the window's length.
 */
final class ProtectBenchmark {

    private static final int CAP = 100;

    private final BenchMain.Options options;

    ProtectBenchmark(BenchMain.Options options) {
        this.options = options;
    }

    void run() throws Exception {
        int files = options.integer("files", 200);
        Duration window = Duration.parse(options.values().getOrDefault("window", "PT5M"));
        double share = Double.parseDouble(options.values().getOrDefault("share", "0.9"));
        long latencyMs = options.number("latency", 90);
        TenantGenerator generator = new TenantGenerator(10, 50, 1);
        Simulator.Builder builder = Simulator.builder().latency(new Latency(Duration.ofMillis(latencyMs), 0.5))
                .tenant((clock, authority) -> generator.generate(clock, "bench-secret", SimulatorMain.FULL_PERMISSIONS));
        try (Simulator simulator = builder.start()) {
            simulator.sensitivityLabelling().setTenantCap(CAP, window);
            addConsultationsWithConsentForms(simulator, files);
            Path dataDir = Files.createTempDirectory("ward-bench-protect");
            Path policy = dataDir.resolve("generated-trust.yaml");
            Files.writeString(policy, policyFor(simulator));
            Map<String, Object> settings = WardRun.settings(simulator.info(), "bench-secret", dataDir, 1_250);
            settings.put("ward.policy.pack", policy.toString());
            settings.put("ward.sharing.enabled", false);
            settings.put("ward.protection.enabled", "true");
            settings.put("ward.protection.sensitivity-labels.tenant-cap", CAP);
            settings.put("ward.protection.sensitivity-labels.cap-window", window.toString());
            settings.put("ward.protection.sensitivity-labels.share", share);
            System.out.printf("Tenant: %,d consent forms (PDF) beside consultation videos; cap %d assignSensitivityLabel calls"
                    + " per %s (Microsoft's is per PT5M); Ward's share %.2f; label jobs take 2 s; latency %d ms mean%n",
                    files, CAP, window, share, latencyMs);
            try (ConfigurableApplicationContext ward = WardRun.start(settings)) {
                ward.getBean(ScanService.class).scan();
            }
            simulator.requestLog().clear();
            long started = System.nanoTime();
            Protector.Result first;
            List<LabelChange> changes;
            try (ConfigurableApplicationContext ward = WardRun.start(settings)) {
                first = ward.getBean(Protector.class).apply("bench", Duration.ofHours(2));
                changes = ward.getBean(LabelChanges.class).all();
            }
            double wall = (System.nanoTime() - started) / 1e9;
            List<RequestLogEntry> log = simulator.requestLog().entries();
            List<Instant> accepted = new ArrayList<>();
            long throttled = 0;
            for (RequestLogEntry e : log) {
                if (e.path().endsWith("/assignSensitivityLabel")) {
                    if (e.status() == 202) {
                        accepted.add(e.time());
                    } else if (e.status() == 429) {
                        throttled++;
                    }
                }
            }
            accepted.sort(null);
            long applied = changes.stream().filter(c -> c.kind() == LabelChange.Kind.SENSITIVITY
                    && c.state() == LabelChange.State.APPLIED).count();
            int busiest = busiestWindow(accepted, window);
            double steady = accepted.size() < 2 ? 0 : (accepted.size() - 1) * (double) window.toMillis()
                    / Duration.between(accepted.get(0), accepted.get(accepted.size() - 1)).toMillis();
            System.out.println();
            System.out.println("1. ward protect --apply (first run)");
            System.out.printf("  sensitivity labels: %,d queued, %,d accepted by Graph, %,d applied; retention labels %,d written%n",
                    first.queued(), accepted.size(), applied, first.retention().size());
            System.out.printf("  per window of the cap: busiest %d, steady rate %.1f (cap %d, Ward's share %d): %.2f x cap%n",
                    busiest, steady, CAP, (int) Math.floor(CAP * share + 1e-9), Math.min(busiest, steady) / CAP);
            System.out.printf("  429s from assignSensitivityLabel: %d; wall %.1f s (%.2f windows)%n", throttled, wall,
                    wall * 1000 / window.toMillis());

            simulator.requestLog().clear();
            try (ConfigurableApplicationContext ward = WardRun.start(settings)) {
                ward.getBean(Protector.class).apply("bench", Duration.ofMinutes(5));
            }
            List<RequestLogEntry> second = simulator.requestLog().entries();
            long labelRequests = second.stream().filter(e -> e.path().contains("ensitivityLabel")
                    || e.path().endsWith("/retentionLabel") || e.path().contains("/monitor/")).count();
            System.out.println();
            System.out.println("2. ward protect --apply again, nothing changed");
            System.out.printf("  label requests %d (reads and writes); Graph requests in all %d (sign-in excluded)%n",
                    labelRequests, second.stream().filter(e -> e.appId() != null && !e.inBatch()).count());
        }
    }

    /** The most calls in any window of the given length. */
    static int busiestWindow(List<Instant> times, Duration window) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (!times.get(start).plus(window).isAfter(times.get(end))) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }

    /** Each consent form in a folder of its own with the consultation it is about, in the generated sites' libraries. */
    private static void addConsultationsWithConsentForms(Simulator simulator, int files) {
        List<Drive> drives = simulator.tenant().read(() -> simulator.tenant().drives().stream()
                .filter(d -> d.name.equals("Documents")).toList());
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < files; i++) {
            Drive drive = drives.get(i % drives.size());
            String nhs = nhsNumber(random);
            String folder = "/Consultations/Clinic " + (i / drives.size());
            simulator.changes().addFileAt(drive.id, folder, NewFile.named("Consultation " + nhs + ".mp4", "bench-" + i)
                    .withMedia(new Item.Media("video", 900_000L, 1280, 720, null, null)).sized(40_000_000));
            simulator.changes().addFileAt(drive.id, folder, NewFile.named("Consent " + nhs + ".pdf", "bench-form-" + i)
                    .sized(180_000));
        }
    }

    /** nhs-england with the generated tenant's labels. */
    private static String policyFor(Simulator simulator) {
        StringBuilder kinds = new StringBuilder();
        for (String kind : List.of("consultation-video", "consultation-audio", "clinical-photo", "research-interview",
                "student-assessment", "teams-meeting-recording", "call-recording", "cctv")) {
            kinds.append("    ").append(kind).append(": { retentionLabel: Patient Recording - 8 years, minimumSensitivity:"
                    + " Confidential - Patient Data, fileSensitivity: Confidential - Patient Data }\n");
        }
        return "schemaVersion: 1\nid: generated-trust\ntitle: Generated Health Trust\nversion: \"1\"\nextends: nhs-england\n"
                + "tenant:\n  name: Generated Health Trust\n  domains: [generatedtrust.onmicrosoft.com, generatedtrust.nhs.uk]\n"
                + "  sharePointHosts: [generatedtrust.sharepoint.com]\n"
                + "labels:\n  sensitivityOrder:\n    - name: General\n    - name: Confidential - Patient Data\n  kinds:\n" + kinds;
    }

    /** A 999 test-range NHS number with a valid check digit. */
    private static String nhsNumber(SplittableRandom random) {
        while (true) {
            int[] d = new int[10];
            d[0] = 9;
            d[1] = 9;
            d[2] = 9;
            int sum = 9 * 10 + 9 * 9 + 9 * 8;
            for (int i = 3; i < 9; i++) {
                d[i] = random.nextInt(10);
                sum += d[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            d[9] = check == 11 ? 0 : check;
            return String.format("%d%d%d %d%d%d %d%d%d%d", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9]);
        }
    }
}
