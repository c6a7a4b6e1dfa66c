package org.ward.connector.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.scan.ScanService;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.Severity;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.Simulator;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Alerts from the batch scan's end, and their delivery across a restart: the outbox keeps what a receiver did not
 * take, and the next process delivers it once.
 */
class AlertScanTests {

    @TempDir
    static Path dir;

    static Simulator simulator;
    static HttpsReceiver hook;

    @BeforeAll
    static void start() throws Exception {
        simulator = ScanHarness.clinic();
        hook = new HttpsReceiver(simulator.certificateAuthority(), 200, Integer.MAX_VALUE);
    }

    @AfterAll
    static void stop() throws Exception {
        hook.close();
        simulator.close();
    }

    private static Map<String, Object> settings(Path data) throws Exception {
        Map<String, Object> p = new LinkedHashMap<>(ScanHarness.h2(simulator, data));
        p.put("ward.alerts.enabled", "true");
        p.put("ward.alerts.channels.hook.type", "webhook");
        p.put("ward.alerts.channels.hook.url", hook.url("/" + data.getFileName()));
        p.put("ward.alerts.channels.hook.secret", AlertTenant.SECRET);
        p.put("ward.alerts.channels.hook.ca-certificate",
                simulator.certificateAuthority().writeCertificate(dir.resolve("ca.pem")).toString());
        p.put("ward.alerts.routes[0].channels", "hook");
        p.put("ward.alerts.routes[0].min-severity", "info");
        return p;
    }

    private static Health health(ConfigurableApplicationContext context) {
        return context.getBean("alertsHealthIndicator", HealthIndicator.class).health();
    }

    private static List<HttpsReceiver.Request> at(String path) {
        return hook.requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    @Test
    void theScanAlertsEachOpenFindingOnceAndARescanRepeatsNone() throws Exception {
        Path data = dir.resolve("scans");
        List<Finding> open;
        AlertRound afterFirst;
        try (ConfigurableApplicationContext context = ScanHarness.start(settings(data))) {
            context.getBean(ScanService.class).scan();
            open = ScanHarness.open(context);
            afterFirst = context.getBean(AlertService.class).lastRound();
            context.getBean(ScanService.class).scan();
        }

        assertThat(open).isNotEmpty();
        assertThat(afterFirst.lines().get(0)).startsWith("Alerts: " + open.size() + " raised, " + open.size() + " sent");
        assertThat(at("/scans")).as("one alert per open finding, none repeated by the second scan").hasSize(open.size());
        for (Finding f : open) {
            assertThat(at("/scans")).filteredOn(r -> r.body().contains("\"" + f.id() + "\"")).hasSize(1);
        }
    }

    @Test
    void aScanWhoseReceiverNeverAnswersCompletesAndReportsTheChannelAfterOneTimeout() throws Exception {
        Path data = dir.resolve("silent");
        // The kernel accepts connections into the backlog; nothing ever answers (not even the TLS handshake).
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, Object> p = settings(data);
            p.put("ward.alerts.channels.hook.url", "https://localhost:" + silent.getLocalPort() + "/silent");
            p.put("ward.alerts.delivery.timeout", "1s");
            try (ConfigurableApplicationContext context = ScanHarness.start(p)) {
                ScanService.Outcome outcome = context.getBean(ScanService.class).scan();
                List<Finding> open = ScanHarness.open(context);
                AlertRound round = context.getBean(AlertService.class).lastRound();

                assertThat(outcome).as("the scan completed").isNotNull();
                assertThat(open).isNotEmpty();
                assertThat(round.sent()).isEmpty();
                assertThat(round.problems()).as("one attempt timed out; the channel's other alerts wait for the next"
                        + " round instead of each costing a timeout").singleElement().satisfies(problem -> assertThat(
                                problem).startsWith("hook: https://localhost:").contains("could not be reached")
                                .contains("retried later"));
                assertThat(round.lines()).anySatisfy(line -> assertThat(line).startsWith("  Failing: hook:"));
                assertThat(round.health()).singleElement().satisfies(h -> {
                    assertThat(h.waiting()).isEqualTo(open.size());
                    assertThat(h.failing()).isTrue();
                });
            }
        }
    }

    @Test
    void alertsAReceiverDidNotTakeAreDeliveredOnceAfterARestart() throws Exception {
        Path data = dir.resolve("restart");
        Instant day = Instant.parse("2027-09-01T10:00:00Z");
        var draft = AlertTenant.draft(SharingCatalogue.ANONYMOUS_LINK, Severity.CRITICAL, "Anonymous link", AlertTenant.SITE,
                "/Clinic/restart.mp4", "amelia.hart@upwellhealth.nhs.uk");
        hook.answer(503);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings(data))) {
            AlertTenant.found(context, 1, day, draft);
            AlertRound down = context.getBean(AlertService.class).afterFindingsChanged(day);
            assertThat(down.problems()).singleElement().satisfies(p -> assertThat(p).contains("answered 503"));
            assertThat(health(context).getStatus()).as("the alerts health contributor").isEqualTo(Status.DOWN);
        } finally {
            hook.answer(200);
        }
        try (ConfigurableApplicationContext context = ScanHarness.start(settings(data))) {
            AlertService alerts = context.getBean(AlertService.class);
            assertThat(alerts.deliverDue(day.plusSeconds(20)).sent()).as("not before its backoff").isEmpty();
            assertThat(alerts.deliverDue(day.plusSeconds(120)).sent()).containsEntry("hook", 1);
            assertThat(alerts.afterFindingsChanged(day.plusSeconds(3600)).sent()).isEmpty();
            assertThat(health(context).getStatus()).as("delivered: the channel is well again").isEqualTo(Status.UP);
        }

        assertThat(at("/restart")).singleElement().satisfies(r -> assertThat(r.body()).contains(draft.findingId()));
    }

    @Test
    void theOutboxRetriesAndDeduplicatesOnPostgresql() throws Exception {
        Path data = dir.resolve("postgres");
        Instant day = Instant.parse("2027-10-01T10:00:00Z");
        var draft = AlertTenant.draft(SharingCatalogue.ORGANIZATION_LINK, Severity.HIGH, "Org-wide link", AlertTenant.SITE,
                "/Clinic/pg.mp4", "amelia.hart@upwellhealth.nhs.uk");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, Object> p = settings(data);
            p.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
            p.put("spring.datasource.username", "postgres");
            p.put("spring.datasource.password", "");
            hook.answer(502);
            try (ConfigurableApplicationContext context = ScanHarness.start(p)) {
                AlertService alerts = context.getBean(AlertService.class);
                AlertTenant.found(context, 1, day, draft);
                assertThat(alerts.afterFindingsChanged(day).problems()).singleElement()
                        .satisfies(problem -> assertThat(problem).contains("answered 502"));
                hook.answer(200);
                AlertTenant.found(context, 2, day.plusSeconds(90), draft);
                assertThat(alerts.afterFindingsChanged(day.plusSeconds(90)).sent()).containsEntry("hook", 1);
                assertThat(alerts.afterFindingsChanged(day.plusSeconds(7200)).health()).singleElement()
                        .satisfies(h -> assertThat(h).isEqualTo(new AlertOutbox.ChannelHealth("hook", 1, 0, 0, null)));
            } finally {
                hook.answer(200);
            }
        }

        assertThat(at("/postgres")).singleElement().satisfies(r -> assertThat(r.body()).contains(draft.findingId()));
    }
}
