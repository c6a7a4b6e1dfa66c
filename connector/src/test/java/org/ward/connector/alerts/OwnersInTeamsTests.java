package org.ward.connector.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.connector.alerts.AlertTenant.SITE;
import static org.ward.connector.alerts.AlertTenant.draft;
import static org.ward.connector.alerts.AlertTenant.found;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Severity;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.teamwork.ActivityNotification;

/**
 * Owner notices through Teams' activity feed (Graph sendActivityNotification into the simulator): an owner with Ward's
 * Teams app is notified there, worst first; an owner without it is a failing delivery, named and retried, never lost;
 * and nothing goes to a guest, as Graph judges guests (userType, verified domains).
 */
class OwnersInTeamsTests {

    static final String WITH_APP = "daniel.hughes@upwellhealth.nhs.uk";
    static final String WITHOUT_APP = "rohan.mehta@upwellhealth.nhs.uk";
    static final String MEMBER = "sophie.turner@upwellhealth.nhs.uk";
    /** A B2B guest named by her mail address: nothing in it says guest; Graph's userType does. */
    static final String GUEST_BY_MAIL = "nadia.haddad@northvale.nhs.uk";
    /** No directory user: judged by whether gmail.com is one of the tenant's verified domains. */
    static final String OUTSIDER = "locum.gp@gmail.com";

    @TempDir
    static Path dir;

    static AlertTenant tenant;
    static ConfigurableApplicationContext context;
    static AlertService alerts;

    @BeforeAll
    static void start() throws Exception {
        tenant = new AlertTenant(dir);
        for (String user : List.of(WITH_APP, MEMBER, "nadia.haddad_northvale.nhs.uk#EXT#@upwellhealth.onmicrosoft.com")) {
            // Installed for the guest too: what keeps her from being notified is Ward's judgement, not Teams' refusal.
            tenant.simulator.activityFeed().install(tenant.simulator.info().clientId(), user);
        }
        context = ScanHarness.start(tenant.with(Map.of("ward.alerts.owners.channel", "feed",
                "ward.alerts.owners.portal-url", "https://ward.upwellhealth.nhs.uk/owners")));
        alerts = context.getBean(AlertService.class);
    }

    @AfterAll
    static void stop() throws Exception {
        context.close();
        tenant.close();
    }

    @Test
    void nothingGoesToAnOwnerGraphSaysIsAGuestOrWhoseDomainTheTenantDidNotVerify() {
        Instant day = Instant.parse("2031-04-07T09:00:00Z");
        ScanRuns runs = context.getBean(ScanRuns.class);
        long scan = runs.start(tenant.simulator.info().tenantId(), "upwell-health", "hash", 0L, day.minusSeconds(600));
        runs.tenant(scan, "Upwell Health", List.of("upwellhealth.nhs.uk", "upwellhealth.onmicrosoft.com"));
        runs.finish(scan, "COMPLETED", 0, 0, 0, day.minusSeconds(60));
        FindingDraft shared = draft(SharingCatalogue.ANONYMOUS_LINK, Severity.HIGH, "Anonymous link on a recording", SITE,
                "/Dermatology/lesion-review.mp4", MEMBER + "," + GUEST_BY_MAIL + "," + OUTSIDER);
        found(context, 2, day, shared);

        AlertRound round = alerts.afterFindingsChanged(day);

        assertThat(to(MEMBER)).as("the member is told").hasSize(1);
        assertThat(tenant.feed()).as("nothing to the guest, whatever her address looks like")
                .noneMatch(n -> n.recipientUpn().contains("nadia.haddad"));
        assertThat(round.problems()).as("and no attempt that Teams refused or Graph could not find")
                .noneMatch(p -> p.contains("nadia.haddad") || p.contains(OUTSIDER));
    }

    private static List<ActivityNotification> to(String owner) {
        return tenant.feed().stream().filter(n -> n.recipientUpn().equals(owner)).toList();
    }

    @Test
    void anOwnerWithWardsTeamsAppIsToldInTeamsWorstFirstAndOneWithoutItIsAFailingDelivery() {
        Instant day = Instant.parse("2031-03-03T09:00:00Z");
        FindingDraft worse = draft(SharingCatalogue.ANONYMOUS_LINK, Severity.CRITICAL, "Anonymous link on a recording",
                SITE, "/Physio/gait-video.mp4", WITH_APP);
        FindingDraft milder = draft(SharingCatalogue.LINK_WITHOUT_EXPIRY, Severity.MEDIUM, "Link without expiry", SITE,
                "/Physio/exercise-demo.mp4", WITH_APP);
        FindingDraft theirs = draft(SharingCatalogue.LINK_WITHOUT_EXPIRY, Severity.MEDIUM, "Link without expiry", SITE,
                "/Partners/review.mp4", WITHOUT_APP);
        found(context, 1, day, milder, worse, theirs);

        AlertRound round = alerts.afterFindingsChanged(day);

        assertThat(to(WITH_APP)).singleElement().satisfies(n -> {
            assertThat(n.templateParameters().get("systemDefaultText"))
                    .isEqualTo("Your open findings: 2 open findings on what you own");
            assertThat(n.previewText()).startsWith("[critical] Anonymous link on a recording").endsWith("(+1 more)")
                    .hasSizeLessThanOrEqualTo(150);
            assertThat(n.webUrl()).isEqualTo("https://ward.upwellhealth.nhs.uk/owners");
        });
        assertThat(to(WITHOUT_APP)).isEmpty();
        assertThat(round.problems()).anySatisfy(p -> assertThat(p).startsWith("feed: ").contains(WITHOUT_APP)
                .contains("Ward's Teams app (" + AlertTenant.TEAMS_APP + ") is not installed for them"));
        assertThat(context.getBean(AlertOutbox.class).health()).anySatisfy(h -> {
            assertThat(h.channel()).isEqualTo("feed");
            assertThat(h.waiting()).as("kept for a retry once the app is installed").isPositive();
        });
    }
}
