package org.ward.connector.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.connector.alerts.AlertTenant.draft;
import static org.ward.connector.alerts.AlertTenant.found;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;
import org.ward.rules.sharing.SharingCatalogue;

/**
 * Quiet hours and hourly caps through the real delivery path: findings in the register, alerts raised into the outbox,
 * delivered by the rounds to JSON-lines channels. The rounds' time is the clock: each round is told the instant it
 * runs at, so hours pass without waiting.
 */
class QuietHoursAndCapsTests {

    static final String NIGHT_SITE = "https://upwellhealth.sharepoint.com/sites/out-of-hours";
    static final String BUSY_SITE = "https://upwellhealth.sharepoint.com/sites/busy-clinic";

    @TempDir
    static Path dir;

    static AlertTenant tenant;
    static ConfigurableApplicationContext context;
    static AlertService alerts;
    static Path night;
    static Path capped;

    @BeforeAll
    static void start() throws Exception {
        tenant = new AlertTenant(dir);
        night = dir.resolve("night.jsonl");
        capped = dir.resolve("capped.jsonl");
        String c = "ward.alerts.channels.";
        Map<String, Object> more = new LinkedHashMap<>();
        more.put(c + "night.type", "json-lines");
        more.put(c + "night.file", night.toString());
        more.put(c + "night.quiet-hours", "22:00-07:00");
        more.put(c + "night.quiet-hours-spare-critical", "false");
        more.put(c + "capped.type", "json-lines");
        more.put(c + "capped.file", capped.toString());
        more.put(c + "capped.max-per-hour", "2");
        more.put("ward.alerts.routes[3].channels", "night");
        more.put("ward.alerts.routes[3].min-severity", "info");
        more.put("ward.alerts.routes[3].sites", NIGHT_SITE);
        more.put("ward.alerts.routes[4].channels", "capped");
        more.put("ward.alerts.routes[4].min-severity", "info");
        more.put("ward.alerts.routes[4].sites", BUSY_SITE);
        context = ScanHarness.start(tenant.with(more));
        alerts = context.getBean(AlertService.class);
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        tenant.close();
    }

    private static List<String> lines(Path file) throws Exception {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    @Test
    void anAlertRaisedInQuietHoursIsHeldAndDeliveredOnceWhenTheyEnd() throws Exception {
        // January: Europe/London (the alerts' time zone) is UTC.
        Instant lateEvening = Instant.parse("2032-01-05T23:30:00Z");
        FindingDraft critical = draft(SharingCatalogue.ANONYMOUS_LINK, Severity.CRITICAL, "Anonymous link on a night"
                + " recording", NIGHT_SITE, "/Nights/handover.mp4", "tomasz.nowak@upwellhealth.nhs.uk");
        found(context, 1, lateEvening, critical);

        AlertRound raised = alerts.afterFindingsChanged(lateEvening);
        assertThat(raised.deferred()).as("held by the quiet hours").isPositive();
        assertThat(lines(night)).isEmpty();
        alerts.deliverDue(Instant.parse("2032-01-06T03:00:00Z"));
        assertThat(lines(night)).as("still quiet at 03:00").isEmpty();

        AlertRound morning = alerts.deliverDue(Instant.parse("2032-01-06T07:00:00Z"));
        assertThat(morning.sent()).containsEntry("night", 1);
        alerts.deliverDue(Instant.parse("2032-01-06T08:00:00Z"));
        assertThat(lines(night)).singleElement().satisfies(line -> assertThat(line)
                .contains("Anonymous link on a night recording").contains(critical.findingId()));
    }

    @Test
    void aCapDefersTheExcessToTheNextHoursAndLosesNothing() throws Exception {
        Instant ten = Instant.parse("2032-02-02T10:00:00Z");
        List<FindingDraft> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(draft(SharingCatalogue.LINK_WITHOUT_EXPIRY, Severity.MEDIUM, "Link without expiry " + i, BUSY_SITE,
                    "/Clinic/review-" + i + ".mp4", "grace.okafor@upwellhealth.nhs.uk"));
        }
        found(context, 2, ten, five.toArray(FindingDraft[]::new));

        AlertRound first = alerts.afterFindingsChanged(ten);
        assertThat(first.sent()).containsEntry("capped", 2);
        assertThat(lines(capped)).hasSize(2);
        alerts.deliverDue(ten.plusSeconds(30 * 60));
        assertThat(lines(capped)).as("the cap holds for the hour").hasSize(2);

        alerts.deliverDue(ten.plusSeconds(3600));
        assertThat(lines(capped)).as("the next hour takes two more").hasSize(4);
        alerts.deliverDue(ten.plusSeconds(2 * 3600));
        alerts.deliverDue(ten.plusSeconds(3 * 3600));
        List<String> delivered = lines(capped);
        assertThat(delivered).as("all five, each once").hasSize(5);
        for (FindingDraft f : five) {
            assertThat(delivered).filteredOn(line -> line.contains(f.findingId())).hasSize(1);
        }
    }
}
