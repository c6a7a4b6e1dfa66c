package org.ward.connector.remediate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.FindingType;
import org.ward.simulator.Simulator;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.SharingPermission;
import org.ward.simulator.tenant.User;

/**
 * The simulated clinic for remediation specs: scans it as a chosen app, with remediation on or off, and reads back
 * what Graph now holds. Public so the command specs can use it too.
 */
public final class ClinicTenant implements AutoCloseable {

    public static final String FULL_CONTROL = "Ward full control";
    public static final String READ_ONLY = "Ward test";

    private final Simulator simulator = ScanHarness.clinic();
    private final Path dataDir;

    public ClinicTenant(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Simulator simulator() {
        return simulator;
    }

    /** Ward's settings signing in as {@code app}, with remediation switched on or not. */
    public Map<String, Object> settings(String app, boolean remediationEnabled) {
        Map<String, Object> settings = new LinkedHashMap<>(ScanHarness.asApp(ScanHarness.h2(simulator, dataDir), simulator, app));
        settings.put("ward.remediation.enabled", String.valueOf(remediationEnabled));
        return settings;
    }

    public List<Finding> scan(Map<String, Object> settings) {
        return ScanHarness.scan(settings);
    }

    public static Finding only(ConfigurableApplicationContext context, FindingType type) {
        List<Finding> found = ScanHarness.open(context).stream().filter(f -> f.type() == type).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("Expected one open " + type + ", found " + found.size());
        }
        return found.get(0);
    }

    public static Finding onPermission(ConfigurableApplicationContext context, FindingType type, String permissionId) {
        return context.getBean(FindingStore.class).open().stream().filter(f -> f.type() == type
                && permissionId.equals(f.details().get("permissionId"))).findFirst().orElseThrow();
    }

    /** The permissions set on an item itself, as the simulated Graph holds them. */
    public List<SharingPermission> permissionsOn(String driveId, String itemId) {
        return simulator.tenant().read(() -> List.copyOf(simulator.tenant().drive(driveId).item(itemId).permissions));
    }

    public Set<String> permissionIdsOn(String driveId, String itemId) {
        return permissionsOn(driveId, itemId).stream().map(SharingPermission::id).collect(Collectors.toSet());
    }

    /** The requests Graph saw that could change something. */
    public List<RequestLogEntry> writes() {
        // extractSensitivityLabels is a POST that only reads.
        return simulator.requestLog().matching(e -> !e.method().equals("GET") && !e.path().equals("/$batch")
                && !e.path().endsWith("/extractSensitivityLabels"));
    }

    /** An item in the simulated tenant. */
    public record ItemAt(String driveId, String itemId) {
    }

    /** The waiting-room video on the intranet: shared with an Anyone link, a partner guest and the whole site. */
    public ItemAt waitingRoom() {
        return simulator.tenant().read(() -> simulator.tenant().drives().stream()
                .flatMap(d -> d.allItems().stream().filter(i -> !i.deleted && i.name.equals("Waiting room.mp4"))
                        .map(i -> new ItemAt(d.id, i.id)))
                .findFirst().orElseThrow());
    }

    /** A specific-people link for Ben on the waiting-room video, which never expires. */
    public SharingPermission shareWaitingRoomWithBenWithoutExpiry() {
        User ben = simulator.tenant().read(() -> simulator.tenant().user("ben.okri@smallclinic.nhs.uk"));
        ItemAt video = waitingRoom();
        return simulator.changes().createLink(video.driveId(), video.itemId(), "view", "users", null, false, List.of(ben.id()));
    }

    /** A read grant on the waiting-room video for a guest from outside the clinic and its partner trust. */
    public SharingPermission grantWaitingRoomToStranger() {
        User eve = simulator.changes().addGuest("eve@stranger.example", "Eve Stranger");
        ItemAt video = waitingRoom();
        return simulator.changes().grant(video.driveId(), video.itemId(), SharingPermission.Kind.USER, eve.id(),
                eve.displayName(), List.of("read"), null);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
