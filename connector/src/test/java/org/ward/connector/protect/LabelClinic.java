package org.ward.connector.protect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.FindingType;
import org.ward.simulator.Simulator;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.throttle.Latency;

/**
 * The simulated Label Clinic for protect specs (tenants/protect-clinic.yaml): Ward's settings signing in as one of its
 * apps, with protection on or off and the sensitivity-label queue paced fast enough for a test, and what Graph now
 * holds. Public so the command specs can use it too.
 */
public final class LabelClinic implements AutoCloseable {

    public static final String PROTECT = "Ward protect";
    public static final String LABELLER = "Ward labeller";
    public static final String SCAN_ONLY = "Ward scan-only";
    public static final String POLICY = "src/test/resources/policy/label-clinic.yaml";

    private final Simulator simulator;
    private final Path dataDir;

    public LabelClinic(Path dataDir) {
        this(dataDir, Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/protect-clinic.yaml"))
                .latency(Latency.OFF).start());
    }

    public LabelClinic(Path dataDir, Simulator simulator) {
        this.dataDir = dataDir;
        this.simulator = simulator;
        // Jobs complete before their 202 is answered, unless a test wants to watch them run.
        simulator.sensitivityLabelling().setCompletionDelay(Duration.ZERO);
    }

    public Simulator simulator() {
        return simulator;
    }

    /** Ward's settings as {@code app}, protection on or off, the queue polling every 20 ms under a 100-per-2-s cap. */
    public Map<String, Object> settings(String app, boolean protectionEnabled) {
        Map<String, Object> settings = new LinkedHashMap<>(ScanHarness.asApp(ScanHarness.settings(simulator.info(),
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ward") + ";DB_CLOSE_ON_EXIT=FALSE", dataDir, POLICY),
                simulator, app));
        settings.put("ward.protection.enabled", String.valueOf(protectionEnabled));
        settings.put("ward.protection.sensitivity-labels.cap-window", "PT2S");
        settings.put("ward.protection.sensitivity-labels.poll-interval", "PT0.02S");
        return settings;
    }

    public void scan(Map<String, Object> settings) {
        ScanHarness.scan(settings);
    }

    /** The open findings of a type. */
    public static List<Finding> open(ConfigurableApplicationContext context, FindingType type) {
        return context.getBean(FindingStore.class).open().stream().filter(f -> f.type() == type).toList();
    }

    /** A file by name. */
    public ItemKey item(String name) {
        return simulator.tenant().read(() -> simulator.tenant().drives().stream()
                .flatMap(d -> d.allItems().stream().filter(i -> !i.deleted && i.name.equals(name)).map(i -> new ItemKey(d.id, i.id)))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No item " + name)));
    }

    private Item read(String name) {
        ItemKey key = item(name);
        return simulator.tenant().read(() -> simulator.tenant().drive(key.driveId()).item(key.itemId()));
    }

    /** The item's retention label name as Graph holds it, null when none. */
    public String retentionLabel(String name) {
        Item item = read(name);
        return simulator.tenant().read(() -> item.retentionLabel == null ? null : item.retentionLabel.name());
    }

    /** The file's sensitivity label name as Graph holds it, null when none. */
    public String sensitivityLabel(String name) {
        Item item = read(name);
        return simulator.tenant().read(() -> item.sensitivityLabelId == null ? null
                : simulator.tenant().sensitivityLabel(item.sensitivityLabelId).name());
    }

    /** Gives a file a sensitivity label now, as a person (privileged) or a policy would. */
    public void label(String name, String label, String method) {
        ItemKey key = item(name);
        String id = labelId(label);
        simulator.changes().setSensitivityLabel(key.driveId(), key.itemId(), id, method);
    }

    public String labelId(String label) {
        return simulator.tenant().read(() -> simulator.tenant().sensitivityLabels().stream()
                .filter(l -> l.name().equals(label)).findFirst().orElseThrow().id());
    }

    /** The label writes Graph saw: retention label PATCHes and assignSensitivityLabel POSTs (and any group update). */
    public List<RequestLogEntry> labelWrites() {
        return simulator.requestLog().matching(e -> (e.method().equals("PATCH") && e.path().endsWith("/retentionLabel"))
                || e.path().endsWith("/assignSensitivityLabel") || (e.method().equals("PATCH") && e.path().startsWith("/groups/")));
    }

    /** Every request about labels, reads included (extractSensitivityLabels, retentionLabel reads, the catalogue). */
    public List<RequestLogEntry> labelRequests() {
        return simulator.requestLog().matching(e -> e.path().contains("ensitivityLabel") || e.path().endsWith("/retentionLabel")
                || e.path().contains("/monitor/"));
    }

    /** Requests Graph saw about one item's labels (paths are matched on the item id; drive ids may arrive encoded). */
    public List<RequestLogEntry> labelRequestsFor(String name) {
        ItemKey key = item(name);
        return labelRequests().stream().filter(e -> e.path().contains("/items/" + key.itemId() + "/")).toList();
    }

    /** assignSensitivityLabel calls Graph accepted for one file. */
    public long assignmentsAccepted(String name) {
        ItemKey key = item(name);
        return simulator.requestLog().count(e -> e.method().equals("POST") && e.status() == 202
                && e.path().endsWith("/items/" + key.itemId() + "/assignSensitivityLabel"));
    }

    @Override
    public void close() {
        simulator.close();
    }
}
