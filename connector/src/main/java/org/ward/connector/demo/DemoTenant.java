package org.ward.connector.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorInfo;

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

    private final Simulator simulator;
    private DemoAlertReceiver receiver;

    private DemoTenant(Simulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Alert settings for the demo, the ones a tenant admin would write: e-mail from the alerts mailbox to the
     * compliance team (high and critical, the daily digest, owner notices), and a signed webhook to a local receiver
     * that keeps what it verifies (medium and above). Starts the receiver.
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
        p.put("ward.alerts.routes[0].channels", "compliance");
        p.put("ward.alerts.routes[0].min-severity", "high");
        p.put("ward.alerts.routes[1].channels", "receiver");
        p.put("ward.alerts.routes[1].min-severity", "medium");
        p.put("ward.alerts.digest.channels", "compliance");
        p.put("ward.alerts.digest.at", "00:00");
        p.put("ward.alerts.owners.channel", "compliance");
        p.put("ward.alerts.owners.escalate-to", "compliance");
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
        return java.util.List.of(
                "Demo mailbox " + ALERTS_MAILBOX + " (the simulator's Exchange) sent " + sent.size() + " message"
                        + (sent.size() == 1 ? "" : "s") + " this run: " + toCompliance + " to the compliance team, "
                        + (sent.size() - toCompliance) + " to owners" + (mailFile == null ? "." : "; every run's mail is in " + mailFile + "."),
                "Demo receiver " + receiver.url() + " verified the signature of " + receiver.accepted() + " alert"
                        + (receiver.accepted() == 1 ? "" : "s") + " this run" + (receiver.refused() > 0 ? " and refused "
                        + receiver.refused() : "") + "; every alert it has taken is in " + receiver.file() + ".");
    }

    public static DemoTenant start(Path dataDir) {
        return new DemoTenant(Simulator.builder().stateDir(dataDir.resolve("simulator")).start());
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
        properties.put("ward.data-dir", dataDir.resolve("demo").toString());
        return properties;
    }

    public String tenantName() {
        return simulator.tenant().displayName;
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.close();
        }
        simulator.close();
    }
}
