package org.ward.connector.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorInfo;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;

/**
 * The built-in demo: starts the Graph simulator in-process with the "Upwell Health Centre" tenant and returns
 * the ordinary settings that point Ward at it (Graph base URL, authority, tenant, app, trusted CA). Nothing else
 * in Ward knows it is talking to a simulator.
 */
public final class DemoTenant implements AutoCloseable {

    /** The organisation policy file the demo scans with: NHS England's pack extended with Upwell's registry. */
    public static final String POLICY = "classpath:policies/examples/upwell-health.yaml";

    private final Simulator simulator;
    private final String folder;
    private int changesMade;

    private DemoTenant(Simulator simulator, String folder) {
        this.simulator = simulator;
        this.folder = folder;
    }

    public static DemoTenant start(Path dataDir) {
        return new DemoTenant(Simulator.builder().stateDir(dataDir.resolve("simulator")).start(), "demo");
    }

    /**
     * The demo for {@code ward serve}: a fresh tenant and a fresh Ward database each time (the simulator forgets its
     * subscriptions when it stops). Ward listens on plain http on this machine, which Graph would refuse: the
     * simulator's test switch for loopback endpoints is on, and Ward's own code path is the one a real tenant uses.
     */
    public static DemoTenant startForService(Path dataDir) {
        deleteFolder(dataDir.resolve("demo-serve"));
        return new DemoTenant(Simulator.builder().stateDir(dataDir.resolve("simulator"))
                .notifications(NotificationSettings.defaults().allowingHttpOnLoopback()).start(), "demo-serve");
    }

    /** Spring properties that connect Ward to the demo tenant and keep its data apart from a real tenant's. */
    public Map<String, Object> properties(Path dataDir) {
        SimulatorInfo info = simulator.info();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ward.graph.cloud", "custom");
        properties.put("ward.graph.base-url", info.graphBaseUrl());
        properties.put("ward.graph.authority", info.authority());
        properties.put("ward.graph.tenant-id", info.tenantId());
        properties.put("ward.graph.client-id", info.clientId());
        properties.put("ward.graph.credential", "client-secret");
        properties.put("ward.graph.client-secret", info.clientSecret());
        properties.put("ward.graph.trust.ca-certificate", info.caCertificate().toString());
        properties.put("ward.policy.pack", POLICY);
        properties.put("ward.data-dir", dataDir.resolve(folder).toString());
        return properties;
    }

    public String tenantName() {
        return simulator.tenant().displayName;
    }

    /**
     * Makes the next of the demo's changes in the tenant, as a person would in SharePoint or Teams, and says what it
     * did. The simulator notifies subscriptions of it exactly as of a change made through Graph.
     */
    public String makeChange() {
        int next = changesMade++ % 3;
        return switch (next) {
            case 0 -> {
                Located photo = find("Mole check 999 000 0115.heic");
                simulator.changes().createLink(photo.drive().id, photo.item().id, "view", "anonymous", null, false, List.of());
                yield "shared the clinical photo \"Mole check 999 000 0115.heic\" (Clinical Recordings) with an Anyone link";
            }
            case 1 -> {
                Located interview = find("P05 interview 2026-07-07.m4a");
                simulator.changes().createLink(interview.drive().id, interview.item().id, "edit", "organization", null, false,
                        List.of());
                yield "shared the research interview \"P05 interview 2026-07-07.m4a\" with an organisation-wide edit link";
            }
            default -> {
                Located general = find("Charity bake sale.jpg");
                String name = "Video consultation 999 000 0131" + (changesMade == 3 ? "" : " (" + changesMade / 3 + ")")
                        + ".mp4";
                simulator.changes().addFile(general.drive().id, general.item().parentId, NewFile.named(name,
                        "demo-" + changesMade).sized(52_000_000L)
                        .withMedia(new Item.Media("video", 900_000L, 1280, 720, null, null)));
                yield "saved a consultation video \"" + name + "\" in the Staff Room team's General channel";
            }
        };
    }

    private record Located(Drive drive, Item item) {
    }

    private Located find(String name) {
        return simulator.tenant().read(() -> {
            for (Drive drive : simulator.tenant().drives()) {
                for (Item item : drive.allItems()) {
                    if (!item.deleted && name.equals(item.name)) {
                        return new Located(drive, item);
                    }
                }
            }
            throw new IllegalStateException("The demo tenant has no file named " + name);
        });
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The demo cannot clear " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
