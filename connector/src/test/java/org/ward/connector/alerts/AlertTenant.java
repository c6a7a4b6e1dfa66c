package org.ward.connector.alerts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.demo.DemoTenant;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Severity;
import org.ward.simulator.Simulator;
import org.ward.simulator.mail.SentMessage;
import org.ward.simulator.throttle.Latency;

/**
 * The demo tenant's simulator (its app may send as ward-alerts@upwellhealth.nhs.uk only) with real receivers on
 * loopback: a Teams Workflows trigger (202, 28 KB), the compliance officer's Teams activity feed, Azure Monitor's Logs
 * Ingestion API (Sentinel), a signed webhook, a broken webhook (500), a syslog forwarder over TLS, and JSON lines to a
 * file and to an HTTPS intake. Findings are put in the register directly, as a scan's reconciliation does.
 */
final class AlertTenant implements AutoCloseable {

    static final String MAILBOX = "ward-alerts@upwellhealth.nhs.uk";
    static final String COMPLIANCE = "helen.marsh@upwellhealth.nhs.uk";
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    /** The id in the manifest of Ward's Teams app (its webApplicationInfo names Ward's Entra app). */
    static final String TEAMS_APP = "5f0c2b1e-7d3a-4c55-9a41-2e6b8f0d1c77";
    static final String SITE = "https://upwellhealth.sharepoint.com/sites/clinic";
    static final String RESEARCH = "https://upwellhealth.sharepoint.com/sites/research";
    static final String GOVERNANCE = "https://upwellhealth.sharepoint.com/sites/governance";

    final Simulator simulator;
    final HttpsReceiver teams;
    final HttpsReceiver hook;
    final HttpsReceiver broken;
    /** A SIEM's HTTPS intake for JSON lines (application/x-ndjson). */
    final HttpsReceiver ndjson;
    final SyslogReceiver syslog;
    final LogsIngestionReceiver sentinel;
    final Path lines;
    final Map<String, Object> settings;

    AlertTenant(Path dir) throws Exception {
        simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF).start();
        var ca = simulator.certificateAuthority();
        String caFile = ca.writeCertificate(dir.resolve("receivers-ca.pem")).toString();
        teams = new HttpsReceiver(ca, 202, 28 * 1024);
        hook = new HttpsReceiver(ca, 200, Integer.MAX_VALUE);
        broken = new HttpsReceiver(ca, 500, Integer.MAX_VALUE);
        ndjson = new HttpsReceiver(ca, 200, Integer.MAX_VALUE);
        syslog = new SyslogReceiver(ca);
        sentinel = new LogsIngestionReceiver(simulator);
        // Azure Monitor's audience: the receiver verifies the token with the tenant's identity platform.
        simulator.tokens().acceptAudience("https://monitor.azure.com");
        lines = dir.resolve("alerts.jsonl");
        Map<String, Object> p = new LinkedHashMap<>(ScanHarness.settings(simulator.info(), "jdbc:h2:file:"
                + dir.toAbsolutePath().resolve("ward") + ";DB_CLOSE_ON_EXIT=FALSE", dir, DemoTenant.POLICY));
        String c = "ward.alerts.channels.";
        p.put("ward.alerts.enabled", "true");
        p.put(c + "compliance.type", "mail");
        p.put(c + "compliance.mailbox", MAILBOX);
        p.put(c + "compliance.to[0]", COMPLIANCE);
        p.put(c + "teams.type", "teams");
        p.put(c + "teams.url", teams.url("/powerautomate/automations/direct/workflows/w1/triggers/manual/paths/invoke?sig=SECRETSIG"));
        p.put(c + "teams.ca-certificate", caFile);
        p.put(c + "hook.type", "webhook");
        p.put(c + "hook.url", hook.url("/ward"));
        p.put(c + "hook.secret", SECRET);
        p.put(c + "hook.ca-certificate", caFile);
        p.put(c + "broken.type", "webhook");
        p.put(c + "broken.url", broken.url("/down"));
        p.put(c + "broken.secret", SECRET);
        p.put(c + "broken.ca-certificate", caFile);
        p.put(c + "siem.type", "syslog");
        p.put(c + "siem.host", "localhost");
        p.put(c + "siem.port", syslog.port());
        p.put(c + "siem.ca-certificate", caFile);
        p.put(c + "lines.type", "json-lines");
        p.put(c + "lines.file", lines.toString());
        p.put(c + "intake.type", "json-lines");
        p.put(c + "intake.url", ndjson.url("/ingest"));
        p.put(c + "intake.ca-certificate", caFile);
        p.put(c + "feed.type", "teams-activity");
        p.put(c + "feed.teams-app-id", TEAMS_APP);
        p.put(c + "feed.to[0]", COMPLIANCE);
        // Ward's Teams app, installed for the compliance officer (and, by tests, for owners who use Teams).
        simulator.activityFeed().install(simulator.info().clientId(), COMPLIANCE);
        p.put(c + "sentinel.type", "logs-ingestion");
        p.put(c + "sentinel.url", sentinel.endpoint());
        p.put(c + "sentinel.dcr-immutable-id", LogsIngestionReceiver.DCR);
        p.put(c + "sentinel.stream", LogsIngestionReceiver.STREAM);
        p.put(c + "sentinel.ca-certificate", caFile);
        p.put("ward.alerts.routes[0].channels", "compliance,teams,feed,sentinel,hook,siem,lines,intake,broken");
        p.put("ward.alerts.routes[0].min-severity", "high");
        p.put("ward.alerts.routes[1].channels", "lines");
        p.put("ward.alerts.routes[1].min-severity", "info");
        p.put("ward.alerts.routes[1].sites", RESEARCH);
        // Medium findings on the governance site go to the person-facing channels only (never to the broken one).
        p.put("ward.alerts.routes[2].channels", "feed,sentinel");
        p.put("ward.alerts.routes[2].min-severity", "medium");
        p.put("ward.alerts.routes[2].sites", GOVERNANCE);
        p.put("ward.alerts.delivery.max-attempts", "3");
        settings = p;
    }

    /** The same tenant with more settings (digest, owners …). */
    Map<String, Object> with(Map<String, Object> more) {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        copy.putAll(more);
        return copy;
    }

    static FindingDraft draft(FindingType type, Severity severity, String title, String site, String path, String owner) {
        return new FindingDraft(type, type.ruleId(), severity, title, List.of("planted by the test"),
                new FindingResource(site, "drive-" + Math.abs(path.hashCode()), "item-" + Math.abs(path.hashCode()),
                        site + "/Shared%20Documents" + path, path), owner, "", Map.of());
    }

    static void found(ConfigurableApplicationContext context, long scanId, Instant at, FindingDraft... drafts) {
        context.getBean(FindingStore.class).reconcile(List.of(drafts), Set.of(), scanId, at);
    }

    List<org.ward.simulator.teamwork.ActivityNotification> feed() {
        return simulator.activityFeed().sent();
    }

    List<SentMessage> mail() {
        return simulator.mailboxes().sentFrom(MAILBOX);
    }

    @Override
    public void close() throws Exception {
        teams.close();
        hook.close();
        broken.close();
        ndjson.close();
        syslog.close();
        sentinel.close();
        simulator.close();
    }
}
