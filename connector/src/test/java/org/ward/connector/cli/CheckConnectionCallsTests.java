package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.remediate.ClinicTenant;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.throttle.Buckets;

/** check-connection says "Ward can scan this tenant" only when the calls a scan makes first work. */
class CheckConnectionCallsTests {

    @Test
    void makesTheCallsAScanMakesFirst(@TempDir Path dataDir) {
        try (ClinicTenant clinic = new ClinicTenant(dataDir);
                ConfigurableApplicationContext context = ScanHarness.start(clinic.settings(ClinicTenant.READ_ONLY, false))) {
            clinic.simulator().requestLog().clear();
            CommandRun run = CommandRun.of(context, new CheckConnectionCommand());

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("ok      GET /sites/getAllSites (the site list)",
                    "ok      GET /sites/{id}/drives (a site's libraries)",
                    "ok      GET /drives/{id}/root/delta?token=latest (a library's change feed)",
                    "ok      GET /users", "ok      GET /groups").endsWith("Ward can scan this tenant.\n");
            assertThat(clinic.simulator().requestLog().matching(e -> e.path().contains("/delta"))).hasSize(1);
        }
    }

    @Test
    void warnsOfATeamsAlertUrlMicrosoftRetiresWithoutFailingTheCheck(@TempDir Path dataDir) {
        try (ClinicTenant clinic = new ClinicTenant(dataDir)) {
            java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>(clinic.settings(ClinicTenant.READ_ONLY,
                    false));
            settings.put("ward.alerts.enabled", "true");
            settings.put("ward.alerts.channels.ops.type", "teams");
            settings.put("ward.alerts.channels.ops.url", "https://clinic.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d");
            settings.put("ward.alerts.channels.ig.type", "teams");
            settings.put("ward.alerts.channels.ig.url", "https://prod-07.uksouth.logic.azure.com:443/workflows/e/triggers"
                    + "/manual/paths/invoke?api-version=2016-06-01&sig=s");
            settings.put("ward.alerts.routes[0].channels", "ops,ig");
            try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
                CommandRun run = CommandRun.of(context, new CheckConnectionCommand());

                assertThat(run.exitCode()).isZero();
                assertThat(run.out()).contains("Alerts:\n  WARNING ward.alerts.channels.")
                        .contains("  WARNING ward.alerts.channels.ops.url is an Office 365 connector (incoming webhook) URL"
                                + " on clinic.webhook.office.com")
                        .contains("  WARNING ward.alerts.channels.ig.url is a Workflows URL on prod-07.uksouth.logic.azure.com");
            }
        }
    }

    @Test
    void aTenantThatRefusesTheFirstCallsIsNotReportedScannable(@TempDir Path dataDir) {
        try (ClinicTenant clinic = new ClinicTenant(dataDir);
                ConfigurableApplicationContext context = ScanHarness.start(clinic.settings(ClinicTenant.READ_ONLY, false))) {
            clinic.simulator().throttle().outage(Buckets.SHAREPOINT, true);
            CommandRun run = CommandRun.of(context, new CheckConnectionCommand());

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.out()).contains("FAILED  GET /sites/getAllSites (the site list): ")
                    .doesNotContain("Ward can scan this tenant.");
            assertThat(run.err()).startsWith("ward: Ward cannot scan this tenant yet: GET /sites/getAllSites (the site list)"
                    + " failed: ");
        }
    }
}
