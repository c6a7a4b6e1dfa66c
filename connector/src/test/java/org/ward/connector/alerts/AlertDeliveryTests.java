package org.ward.connector.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.connector.alerts.AlertTenant.COMPLIANCE;
import static org.ward.connector.alerts.AlertTenant.RESEARCH;
import static org.ward.connector.alerts.AlertTenant.SITE;
import static org.ward.connector.alerts.AlertTenant.draft;
import static org.ward.connector.alerts.AlertTenant.found;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.mail.SentMessage;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts from the findings register to real receivers: Graph sendMail into the simulator's mailbox, a Teams Workflows
 * trigger, a signed webhook, a syslog forwarder over TLS and a JSON-lines file, one alert per lifecycle event, routed,
 * masked, retried. Each test works in its own days so that rounds of other tests do not touch its alerts.
 */
class AlertDeliveryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong SCAN = new AtomicLong(1);

    @TempDir
    static Path dir;

    static AlertTenant tenant;
    static ConfigurableApplicationContext context;
    static AlertService alerts;

    @BeforeAll
    static void start() throws Exception {
        tenant = new AlertTenant(dir);
        context = ScanHarness.start(tenant.with(Map.of(
                "ward.alerts.digest.channels", "compliance", "ward.alerts.digest.at", "06:00",
                "ward.alerts.owners.channel", "compliance", "ward.alerts.owners.remind-every", "7d",
                "ward.alerts.owners.escalate-after", "14d", "ward.alerts.owners.escalate-to", "teams")));
        alerts = context.getBean(AlertService.class);
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        tenant.close();
    }

    private static long scan() {
        return SCAN.incrementAndGet();
    }

    private static String eventOf(String findingId) {
        return context.getBean(FindingStore.class).eventsAfter(0, 100_000).stream()
                .filter(e -> e.findingId().equals(findingId)).reduce((a, b) -> b).map(FindingAlerts::eventId).orElseThrow();
    }

    private static List<SentMessage> mailFor(String eventId) {
        return tenant.mail().stream().filter(m -> eventId.equals(m.headers().get("x-ward-event-id"))).toList();
    }

    private static List<HttpsReceiver.Request> posted(HttpsReceiver receiver, String eventId) {
        return receiver.requests().stream().filter(r -> r.body().contains(eventId)).toList();
    }

    private static List<org.ward.simulator.teamwork.ActivityNotification> feedFor(String eventId) {
        long chain = TeamsActivityChannel.chainId(eventId);
        return tenant.feed().stream().filter(n -> Long.valueOf(chain).equals(n.chainId())).toList();
    }

    private static List<JsonNode> sentinelFor(String eventId) {
        return tenant.sentinel.records().stream().filter(r -> eventId.equals(r.path("eventId").asString(""))).toList();
    }

    private static List<String> syslogFor(String eventId) {
        return tenant.syslog.messages().stream().filter(m -> m.contains("externalId=" + eventId)).toList();
    }

    private static List<String> linesFor(String eventId) throws Exception {
        if (!Files.exists(tenant.lines)) {
            return List.of();
        }
        return Files.readAllLines(tenant.lines).stream().filter(l -> l.contains("\"" + eventId + "\"")).toList();
    }

    @Test
    void sendsANewHighFindingToEveryRoutedChannelOnceAcrossScans() throws Exception {
        Instant day = Instant.parse("2027-01-04T10:00:00Z");
        FindingDraft link = draft(SharingCatalogue.ORGANIZATION_LINK, Severity.HIGH, "Recording shared with the whole"
                + " organisation", SITE, "/Clinic/knee-review.mp4", "amelia.hart@upwellhealth.nhs.uk");
        found(context, scan(), day, link);
        AlertRound first = alerts.afterFindingsChanged(day);
        found(context, scan(), day.plusSeconds(3600), link);
        alerts.afterFindingsChanged(day.plusSeconds(3600));

        String event = eventOf(link.findingId());
        assertThat(first.problems()).as("only the broken receiver fails").allMatch(p -> p.startsWith("broken: "));
        assertThat(first.sent()).containsKeys("compliance", "teams", "hook", "siem", "lines");
        assertThat(mailFor(event)).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly(COMPLIANCE);
            assertThat(m.subject()).isEqualTo("Ward [high] New finding: Recording shared with the whole organisation");
            assertThat(m.body()).contains("Next step:");
        });
        assertThat(posted(tenant.teams, event)).singleElement().satisfies(r -> {
            JsonNode message = JSON.readTree(r.body());
            assertThat(message.path("type").asString()).isEqualTo("message");
            JsonNode attachment = message.path("attachments").get(0);
            assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
            assertThat(attachment.path("content").path("type").asString()).isEqualTo("AdaptiveCard");
            assertThat(attachment.path("content").path("version").asString()).isEqualTo("1.4");
            List<String> texts = new ArrayList<>();
            Map<String, String> facts = new java.util.LinkedHashMap<>();
            attachment.path("content").path("body").forEach(block -> {
                texts.add(block.path("text").asString(""));
                block.path("facts").forEach(f -> facts.put(f.path("title").asString(), f.path("value").asString()));
            });
            org.ward.rules.policy.Rule rule = context.getBean(org.ward.rules.policy.PolicyPack.class)
                    .rule(SharingCatalogue.ORGANIZATION_LINK).orElseThrow();
            assertThat(texts).as("the finding, why it matters, the owner's next step").contains(
                    "Recording shared with the whole organisation", rule.rationale(), "Next step: " + rule.remediation());
            assertThat(facts).containsEntry("Finding", link.findingId()).containsEntry("Location", "/Clinic/knee-review.mp4")
                    .containsEntry("Owner", "amelia.hart@upwellhealth.nhs.uk").containsEntry("Event id", event);
        });
        assertThat(posted(tenant.hook, event)).singleElement().satisfies(r -> {
            String expected = "sha256=" + hmac(AlertTenant.SECRET, r.header("X-Ward-Timestamp") + "." + r.body());
            assertThat(r.header("X-Ward-Signature")).isEqualTo(expected);
            assertThat(r.header("X-Ward-Event-Id")).isEqualTo(event);
            assertThat(JSON.readTree(r.body()).path("schema").asString()).isEqualTo("ward.alert/1");
        });
        assertThat(syslogFor(event)).singleElement().satisfies(m -> {
            assertThat(m).matches("<131>1 \\d{4}-\\d\\d-\\d\\dT[^ ]+Z \\S+ ward - NEW_FINDING - CEF:0\\|Ward\\|Ward\\|[^|]+"
                    + "\\|ORGANIZATION_LINK\\|New finding: Recording shared with the whole organisation\\|8\\|.*");
            assertThat(m).contains("cs2Label=findingId cs2=" + link.findingId());
        });
        assertThat(linesFor(event)).hasSize(1);
    }

    @Test
    void notifiesTheComplianceOfficerInTeamsActivityFeedWithALinkToWardsTeamsApp() {
        Instant day = Instant.parse("2027-01-11T10:00:00Z");
        FindingDraft link = draft(SharingCatalogue.ORGANIZATION_LINK, Severity.MEDIUM, "Recording shared with everyone in"
                + " the organisation", AlertTenant.GOVERNANCE, "/Board/shoulder-review.mp4", "amelia.hart@upwellhealth.nhs.uk");
        found(context, scan(), day, link);
        AlertRound round = alerts.afterFindingsChanged(day);

        assertThat(round.sent()).containsKey("feed");
        assertThat(feedFor(eventOf(link.findingId()))).singleElement().satisfies(n -> {
            assertThat(n.recipientUpn()).isEqualTo(COMPLIANCE);
            assertThat(n.activityType()).isEqualTo("systemDefault");
            assertThat(n.templateParameters().get("systemDefaultText"))
                    .isEqualTo("New finding: Recording shared with everyone in the organisation");
            assertThat(n.previewText()).isNotBlank().hasSizeLessThanOrEqualTo(150);
            assertThat(n.webUrl()).isEqualTo("https://teams.microsoft.com/l/app/" + AlertTenant.TEAMS_APP);
        });
    }

    @Test
    void sendsToSentinelThroughTheLogsIngestionApiWithAnAzureMonitorToken() {
        Instant day = Instant.parse("2027-01-18T10:00:00Z");
        FindingDraft link = draft(SharingCatalogue.ORGANIZATION_LINK, Severity.MEDIUM, "Recording open to the whole trust",
                AlertTenant.GOVERNANCE, "/Board/hip-review.mp4", "amelia.hart@upwellhealth.nhs.uk");
        found(context, scan(), day, link);
        AlertRound round = alerts.afterFindingsChanged(day);

        assertThat(round.sent()).containsKey("sentinel");
        assertThat(tenant.sentinel.refusals()).isEmpty();
        assertThat(sentinelFor(eventOf(link.findingId()))).singleElement().satisfies(r -> {
            assertThat(r.path("TimeGenerated").asString()).isEqualTo(day.toString());
            assertThat(r.path("schema").asString()).isEqualTo("ward.alert/1");
            assertThat(r.path("title").asString()).isEqualTo("Recording open to the whole trust");
        });
    }

    @Test
    void postsJsonLinesToAnHttpsEndpointOneLineARequest() throws Exception {
        Instant day = Instant.parse("2027-01-25T10:00:00Z");
        FindingDraft link = draft(SharingCatalogue.ANONYMOUS_LINK, Severity.HIGH, "Anyone link on a recording", SITE,
                "/Clinic/ankle-review.mp4", "amelia.hart@upwellhealth.nhs.uk");
        found(context, scan(), day, link);
        AlertRound round = alerts.afterFindingsChanged(day);

        String event = eventOf(link.findingId());
        assertThat(round.sent()).containsKey("intake");
        assertThat(posted(tenant.ndjson, event)).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/ingest");
            assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
            assertThat(r.header("X-Ward-Event-Id")).isEqualTo(event);
            assertThat(r.body()).endsWith("\n").hasLineCount(1);
            JsonNode line = JSON.readTree(r.body());
            assertThat(line.path("schema").asString()).isEqualTo("ward.alert/1");
            assertThat(line.path("eventId").asString()).isEqualTo(event);
            assertThat(line.path("facts").path("Finding").asString()).isEqualTo(link.findingId());
        });
    }

    @Test
    void routesBySeverityTypeAndSite() throws Exception {
        Instant day = Instant.parse("2027-02-01T10:00:00Z");
        FindingDraft research = draft(SharingCatalogue.LINK_WITHOUT_EXPIRY, Severity.MEDIUM, "Link without expiry",
                RESEARCH, "/Study/interview-03.mp4", "hannah.lewis@upwellhealth.nhs.uk");
        FindingDraft clinic = draft(SharingCatalogue.LINK_WITHOUT_EXPIRY, Severity.MEDIUM, "Link without expiry", SITE,
                "/Clinic/wound-photo-set.mp4", "megan.price@upwellhealth.nhs.uk");
        found(context, scan(), day, research, clinic);
        alerts.afterFindingsChanged(day);

        String onResearch = eventOf(research.findingId());
        String onClinic = eventOf(clinic.findingId());
        assertThat(linesFor(onResearch)).as("the research site's route takes every severity to the SIEM file").hasSize(1);
        assertThat(mailFor(onResearch)).as("medium is below the compliance route's threshold").isEmpty();
        assertThat(posted(tenant.teams, onResearch)).isEmpty();
        assertThat(linesFor(onClinic)).isEmpty();
        assertThat(mailFor(onClinic)).isEmpty();
        assertThat(syslogFor(onClinic)).isEmpty();
    }

    @Test
    void alertsAFindingThatReopensAndAnAcceptedRiskThatExpires() throws Exception {
        Instant day = Instant.parse("2027-03-01T10:00:00Z");
        FindingStore findings = context.getBean(FindingStore.class);
        FindingDraft everyone = draft(SharingCatalogue.EVERYONE_GRANT, Severity.HIGH, "Everyone can open the recording",
                SITE, "/Clinic/gait-study.mp4", "rohan.mehta@upwellhealth.nhs.uk");
        FindingDraft outside = draft(RecordingsCatalogue.RECORDING_OUTSIDE_APPROVED_LOCATION, Severity.HIGH,
                "Recording outside an approved location", SITE, "/Temp/session.mp4", "rohan.mehta@upwellhealth.nhs.uk");
        found(context, scan(), day, everyone, outside);
        alerts.afterFindingsChanged(day);
        findings.reconcile(List.of(outside), Set.of(SharingCatalogue.EVERYONE_GRANT), scan(), day.plusSeconds(60));
        findings.reconcile(List.of(everyone, outside), Set.of(SharingCatalogue.EVERYONE_GRANT), scan(),
                day.plusSeconds(120));
        findings.acceptRisk(outside.findingId(), "dpo@upwellhealth.nhs.uk", "moving it this week",
                java.time.LocalDate.parse("2027-03-01"), java.time.ZoneOffset.UTC, day.plusSeconds(180));
        Instant expired = Instant.parse("2027-03-02T01:00:00Z");
        findings.reopenExpiredAcceptances(expired, scan());
        alerts.afterFindingsChanged(expired);

        assertThat(posted(tenant.hook, eventOf(everyone.findingId()))).singleElement()
                .satisfies(r -> assertThat(JSON.readTree(r.body()).path("kind").asString()).isEqualTo("reopened"));
        assertThat(posted(tenant.hook, eventOf(outside.findingId()))).singleElement()
                .satisfies(r -> assertThat(JSON.readTree(r.body()).path("kind").asString())
                        .isEqualTo("acceptance-expired"));
        assertThat(tenant.hook.requests().stream().filter(r -> r.body().contains(everyone.findingId())).count())
                .as("new, then reopened: two events, two alerts").isEqualTo(2);
    }

    @Test
    void noChannelCarriesAPatientIdentifierInClear() throws Exception {
        Instant day = Instant.parse("2027-04-01T10:00:00Z");
        FindingDraft leaky = draft(SharingCatalogue.ANONYMOUS_LINK, Severity.CRITICAL, "Consultation 9434765919 shared"
                + " by anonymous link", SITE, "/Consultations/943 476 5919/Knee 9434765919.mp4",
                "amelia.hart@upwellhealth.nhs.uk");
        found(context, scan(), day, leaky);
        alerts.afterFindingsChanged(day);

        String event = eventOf(leaky.findingId());
        List<String> outputs = new ArrayList<>();
        mailFor(event).forEach(m -> outputs.add(m.subject() + "\n" + m.body()));
        posted(tenant.teams, event).forEach(r -> outputs.add(r.body()));
        feedFor(event).forEach(n -> outputs.add(n.json()));
        sentinelFor(event).forEach(r -> outputs.add(r.toString()));
        posted(tenant.hook, event).forEach(r -> outputs.add(r.body()));
        outputs.addAll(syslogFor(event));
        outputs.addAll(linesFor(event));
        posted(tenant.ndjson, event).forEach(r -> outputs.add(r.body()));
        assertThat(outputs).as("mail, Teams, Teams activity feed, Sentinel, webhook, syslog, JSON lines to a file and"
                + " over HTTPS").hasSize(8);
        IdentifierMasking scanner = context.getBean(IdentifierMasking.class);
        for (String output : outputs) {
            assertThat(scanner.maskText(output)).as("the identifier scanner finds nothing to mask in\n" + output)
                    .isEqualTo(output);
            assertThat(output).doesNotContain("9434765919").doesNotContain("943 476 5919").contains("943 *** **19");
        }
        assertThat(outputs).as("the file name is masked where a channel shows the location")
                .anySatisfy(o -> assertThat(o).contains("Knee 943 *** **19.mp4"));
    }

    @Test
    void retriesAFailingChannelWithBackoffThenReportsItWithoutHoldingTheOthers() throws Exception {
        Instant day = Instant.parse("2027-05-03T10:00:00Z");
        FindingDraft grant = draft(SharingCatalogue.EVERYONE_GRANT, Severity.HIGH, "Everyone can open the folder", SITE,
                "/Clinic/physio/", "daniel.hughes@upwellhealth.nhs.uk");
        found(context, scan(), day, grant);

        AlertRound first = alerts.afterFindingsChanged(day);
        assertThat(first.problems()).anySatisfy(p -> assertThat(p).startsWith("broken: ").contains("answered 500")
                .contains("retried later"));
        assertThat(posted(tenant.hook, eventOf(grant.findingId()))).as("the other channels were not held").hasSize(1);
        assertThat(alerts.deliverDue(day.plusSeconds(30)).problems()).as("not due again before its backoff")
                .noneMatch(p -> p.startsWith("broken: https"));

        AlertRound last = first;
        for (int round = 1; round <= 20 && last.health().stream().noneMatch(h -> h.channel().equals("broken")
                && h.failed() > 0); round++) {
            last = alerts.deliverDue(day.plus(Duration.ofHours(round)));
        }
        assertThat(last.health()).anySatisfy(h -> {
            assertThat(h.channel()).isEqualTo("broken");
            assertThat(h.failed()).isPositive();
            assertThat(h.lastError()).contains("answered 500");
        });
        assertThat(last.lines()).anySatisfy(l -> assertThat(l).startsWith("  Failing: broken:"));
        MeterRegistry metrics = context.getBean(MeterRegistry.class);
        assertThat(metrics.get("ward.alerts.failed").tags("channel", "broken", "type", "webhook").counter().count())
                .as("every failed attempt is counted").isGreaterThanOrEqualTo(3);
        assertThat(metrics.get("ward.alerts.sent").tags("channel", "hook", "type", "webhook").counter().count())
                .isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChannelThatKeepsFailingIsDownInTheAlertsHealthContributor() {
        Instant day = Instant.parse("2027-05-17T10:00:00Z");
        found(context, scan(), day, draft(SharingCatalogue.EVERYONE_GRANT, Severity.HIGH, "Everyone can open the"
                + " recording", SITE, "/Clinic/physio/health.mp4", "daniel.hughes@upwellhealth.nhs.uk"));
        alerts.afterFindingsChanged(day);

        Health health = context.getBean("alertsHealthIndicator", HealthIndicator.class).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat((List<String>) health.getDetails().get("failing")).contains("broken").doesNotContain("hook");
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) health.getDetails().get("channels");
        assertThat(channels).containsKeys("compliance", "teams", "feed", "sentinel", "hook", "siem", "lines", "intake");
        assertThat(channels.get("broken")).containsKeys("sent", "waiting", "givenUp")
                .hasEntrySatisfying("lastError", e -> assertThat((String) e).contains("answered 500"));
        assertThat(channels.get("hook")).doesNotContainKey("lastError")
                .hasEntrySatisfying("sent", n -> assertThat((Integer) n).isPositive());
    }

    @Test
    void sendsOneDigestADayWithNewResolvedOldestAndBySite() {
        Instant morning = Instant.parse("2027-06-07T07:30:00Z");
        FindingDraft old = draft(SharingCatalogue.ORGANIZATION_LINK, Severity.HIGH, "Old org-wide link", RESEARCH,
                "/Study/focus-group.mp4", "hannah.lewis@upwellhealth.nhs.uk");
        found(context, scan(), morning.minus(Duration.ofDays(90)), old);
        alerts.afterFindingsChanged(morning.minus(Duration.ofDays(90)));
        FindingDraft fresh = draft(SharingCatalogue.ORGANIZATION_LINK, Severity.HIGH, "Fresh org-wide link", SITE,
                "/Clinic/fresh.mp4", "grace.okafor@upwellhealth.nhs.uk");
        found(context, scan(), morning.minusSeconds(3600), fresh);

        alerts.afterFindingsChanged(Instant.parse("2027-06-07T04:00:00Z"));
        alerts.afterFindingsChanged(morning);
        alerts.afterFindingsChanged(morning.plusSeconds(3600));

        List<SentMessage> digests = tenant.mail().stream().filter(m -> "ward-digest-2027-06-07".equals(
                m.headers().get("x-ward-event-id"))).toList();
        assertThat(digests).as("one digest on the day, sent after 06:00 local").singleElement().satisfies(m -> {
            assertThat(m.subject()).isEqualTo("Ward Daily digest: Ward findings on 2027-06-07");
            assertThat(m.to()).containsExactly(COMPLIANCE);
            assertThat(m.body()).contains("New in 24 hours</th><td>1<").contains("Resolved in 24 hours")
                    .contains("Oldest open:").contains("Open on " + RESEARCH + ":");
        });
    }

    @Test
    void tellsEachOwnerOnceThenRemindsThenEscalatesAndNeverWritesToAGuest() {
        Instant day = Instant.parse("2031-01-06T09:00:00Z");
        String owner = "tomasz.nowak@upwellhealth.nhs.uk";
        String guest = "nadia.haddad_northvale.nhs.uk#EXT#@upwellhealth.onmicrosoft.com";
        FindingDraft worse = draft(SharingCatalogue.ANONYMOUS_LINK, Severity.CRITICAL, "Anonymous link on a recording",
                SITE, "/Registrar/consult-video.mp4", owner + "," + guest);
        FindingDraft milder = draft(SharingCatalogue.LINK_WITHOUT_EXPIRY, Severity.MEDIUM, "Link without expiry", SITE,
                "/Registrar/debrief.mp4", owner);
        found(context, scan(), day, milder, worse);

        alerts.afterFindingsChanged(day);
        alerts.afterFindingsChanged(day.plus(Duration.ofDays(1)));
        alerts.afterFindingsChanged(day.plus(Duration.ofDays(8)));
        alerts.afterFindingsChanged(day.plus(Duration.ofDays(15)));

        List<SentMessage> toOwner = tenant.mail().stream().filter(m -> m.to().contains(owner)).toList();
        assertThat(toOwner).extracting(SentMessage::subject).containsExactly(
                "Ward Your open findings: 2 open findings on what you own",
                "Ward Reminder: your open findings: 2 open findings on what you own",
                "Ward Reminder: your open findings: 2 open findings on what you own");
        String body = toOwner.get(0).body();
        assertThat(body.indexOf("Anonymous link")).as("worst first").isLessThan(body.indexOf("Link without expiry"));
        assertThat(body).contains("What to do:").contains("ward remediate");
        assertThat(tenant.simulator.mailboxes().sent()).as("nothing to a guest")
                .noneMatch(m -> m.recipients().stream().anyMatch(r -> r.toUpperCase().contains("#EXT#")
                        || r.contains("northvale")));
        assertThat(tenant.teams.requests()).filteredOn(r -> r.body().contains("ward-escalation-" + owner))
                .singleElement().satisfies(r -> assertThat(r.body()).contains(owner + " has left 2 findings open"));
    }

    private static String hmac(String key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
