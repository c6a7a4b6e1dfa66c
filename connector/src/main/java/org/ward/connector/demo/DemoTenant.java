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

    /** The demo tenant's alerts mailbox (the Ward app may send as it, and only as it: RBAC for Applications). */
    public static final String ALERTS_MAILBOX = "ward-alerts@upwellhealth.nhs.uk";
    /** Who the demo's compliance alerts go to: the practice manager and the Caldicott Guardian. */
    static final java.util.List<String> COMPLIANCE = java.util.List.of("helen.marsh@upwellhealth.nhs.uk",
            "amelia.hart@upwellhealth.nhs.uk");
    /** The id in the demo practice's copy of Ward's Teams app ({@code ward teams-app --demo} writes its package). */
    public static final String TEAMS_APP = "8d6f0a52-3c1e-4b7a-9e25-6a0f4c1d2b93";

    private final Simulator simulator;
    private final Path simulatorFolder;
    private DemoAlertReceiver receiver;
    private final String folder;
    private int changesMade;

    private DemoTenant(Simulator simulator, Path simulatorFolder, String folder) {
        this.simulator = simulator;
        this.simulatorFolder = simulatorFolder;
        this.folder = folder;
    }

    /**
     * Alert settings for the demo, the ones a tenant admin would write: e-mail from the alerts mailbox to the
     * compliance team (high and critical, the daily digest, owner notices), their Teams activity feed (critical), and a
     * signed webhook to a local receiver that keeps what it verifies (medium and above). Starts the receiver.
     */
    public Map<String, Object> alertProperties(Path dataDir) {
        Path demoDir = dataDir.resolve("demo");
        receiver = new DemoAlertReceiver(simulator.certificateAuthority(), demoDir.resolve("received-alerts.jsonl"));
        Map<String, Object> p = new LinkedHashMap<>();
        String c = "ward.alerts.channels.";
        p.put("ward.alerts.enabled", "true");
        p.put(c + "compliance.type", "mail");
        p.put(c + "compliance.mailbox", ALERTS_MAILBOX);
        p.put(c + "compliance.to", String.join(",", COMPLIANCE));
        p.put(c + "receiver.type", "webhook");
        p.put(c + "receiver.url", receiver.url());
        p.put(c + "receiver.secret", receiver.secret());
        p.put(c + "receiver.ca-certificate", simulator.info().caCertificate().toString());
        // The first scan of a tenant raises every open finding at once; the demo shows them all in one run.
        p.put(c + "receiver.max-per-hour", "1000");
        // The compliance team's Teams activity feed, for critical findings: the practice's Teams admin installed Ward's
        // Teams app for them, as a tenant must (docs/alerts.md).
        p.putAll(teamsChannel());
        COMPLIANCE.forEach(person -> simulator.activityFeed().install(simulator.info().clientId(), person));
        p.put("ward.alerts.routes[0].channels", "compliance");
        p.put("ward.alerts.routes[0].min-severity", "high");
        p.put("ward.alerts.routes[1].channels", "receiver");
        p.put("ward.alerts.routes[1].min-severity", "medium");
        p.put("ward.alerts.routes[2].channels", "teams");
        p.put("ward.alerts.routes[2].min-severity", "critical");
        p.put("ward.alerts.digest.channels", "compliance");
        p.put("ward.alerts.digest.at", "00:00");
        p.put("ward.alerts.owners.channel", "compliance");
        p.put("ward.alerts.owners.escalate-to", "compliance");
        return p;
    }

    /** The demo's teams-activity channel ({@code teams}): the compliance team's activity feeds, from the demo's app. */
    public static Map<String, Object> teamsChannel() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ward.alerts.channels.teams.type", "teams-activity");
        p.put("ward.alerts.channels.teams.teams-app-id", TEAMS_APP);
        p.put("ward.alerts.channels.teams.to", String.join(",", COMPLIANCE));
        return p;
    }

    /**
     * Where the demo's alerts went: the simulator's mailbox (also written to sent-mail.json beside the demo's data, since
     * the simulator stops with the command) and the local receiver's file. Empty when alerts were not asked for.
     */
    public java.util.List<String> alertDestinations(Path dataDir) {
        if (receiver == null) {
            return java.util.List.of();
        }
        var sent = simulator.mailboxes().sentFrom(ALERTS_MAILBOX);
        Path mailFile = dataDir.resolve("demo").resolve("sent-mail.json");
        try {
            // The file keeps every run's mail: the simulator's Exchange lives only as long as one command.
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            java.util.List<Object> messages = new java.util.ArrayList<>();
            if (java.nio.file.Files.exists(mailFile)) {
                messages.addAll(json.readValue(mailFile.toFile(), java.util.List.class));
            }
            for (var m : sent) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("sentDateTime", m.sentAt().toString());
                message.put("from", m.sender());
                message.put("to", m.to());
                message.put("subject", m.subject());
                message.put("internetMessageHeaders", m.headers());
                message.put("body", m.body());
                messages.add(message);
            }
            java.nio.file.Files.createDirectories(mailFile.getParent());
            java.nio.file.Files.writeString(mailFile, json.writerWithDefaultPrettyPrinter().writeValueAsString(messages));
        } catch (java.io.IOException | RuntimeException e) {
            mailFile = null;
        }
        long toCompliance = sent.stream().filter(m -> m.to().stream().anyMatch(COMPLIANCE::contains)).count();
        long inTeams = simulator.activityFeed().sent().size();
        return java.util.List.of(
                "Demo mailbox " + ALERTS_MAILBOX + " (the simulator's Exchange) sent " + sent.size() + " message"
                        + (sent.size() == 1 ? "" : "s") + " this run: " + toCompliance + " to the compliance team, "
                        + (sent.size() - toCompliance) + " to owners" + (mailFile == null ? "." : "; every run's mail is in " + mailFile + "."),
                "Demo receiver " + receiver.url() + " verified the signature of " + receiver.accepted() + " alert"
                        + (receiver.accepted() == 1 ? "" : "s") + " this run" + (receiver.refused() > 0 ? " and refused "
                        + receiver.refused() : "") + "; every alert it has taken is in " + receiver.file() + ".",
                "Demo Teams (the simulator's activity feeds) took " + inTeams + " notification" + (inTeams == 1 ? "" : "s")
                        + " this run for " + String.join(" and ", COMPLIANCE) + ", from Ward's Teams app " + TEAMS_APP
                        + " (ward teams-app --demo writes its package).");
    }

    public static DemoTenant start(Path dataDir) {
        Path state = simulatorFolder(dataDir);
        return new DemoTenant(Simulator.builder().stateDir(state).start(), state, "demo");
    }

    /**
     * Where this process's simulator writes its CA and client certificate. Each simulator makes a CA of its own, so two
     * demo commands at once on one data folder (ward serve --demo and ward findings --demo, or two scans) each need
     * their own: with one shared file the second overwrote the first's CA, and the first failed with a TLS error
     * instead of running (or saying another scan was running). Folders of processes that are gone are cleared.
     */
    private static Path simulatorFolder(Path dataDir) {
        Path simulators = dataDir.resolve("simulator");
        if (Files.isDirectory(simulators)) {
            try (Stream<Path> folders = Files.list(simulators)) {
                folders.filter(Files::isDirectory).filter(f -> f.getFileName().toString().matches("\\d+-\\d+"))
                        .filter(f -> ProcessHandle.of(Long.parseLong(f.getFileName().toString().split("-")[0]))
                                .map(p -> !p.isAlive()).orElse(true))
                        .forEach(DemoTenant::deleteQuietly);
            } catch (IOException e) {
                // Leftovers of a killed run take a few kilobytes; the demo runs without clearing them.
            }
        }
        try {
            return Files.createTempDirectory(Files.createDirectories(simulators), ProcessHandle.current().pid() + "-");
        } catch (IOException | SecurityException e) {
            throw new DemoFolderException("The demo cannot write to " + simulators + " (" + (e instanceof
                    java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()) + "): point --data-dir at"
                    + " a folder the user Ward runs as can write to.", e);
        }
    }

    /** The demo's data folder cannot be written: a setup problem, named in one sentence. */
    static final class DemoFolderException extends IllegalStateException implements org.ward.connector.ConfigurationProblem {

        DemoFolderException(String sentence, Exception cause) {
            super(sentence, cause);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteFolder(folder);
        } catch (UncheckedIOException e) {
            // Another demo run may be clearing it at the same moment.
        }
    }

    /**
     * The demo for {@code ward serve}: a fresh tenant and a fresh Ward database each time (the simulator forgets its
     * subscriptions when it stops). Ward listens on plain http on this machine, which Graph would refuse: the
     * simulator's test switch for loopback endpoints is on, and Ward's own code path is the one a real tenant uses.
     */
    public static DemoTenant startForService(Path dataDir) {
        deleteFolder(dataDir.resolve("demo-serve"));
        Path state = simulatorFolder(dataDir);
        return new DemoTenant(Simulator.builder().stateDir(state)
                .notifications(NotificationSettings.defaults().allowingHttpOnLoopback()).start(), state, "demo-serve");
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
        if (receiver != null) {
            receiver.close();
        }
        simulator.close();
        deleteQuietly(simulatorFolder);
    }
}
