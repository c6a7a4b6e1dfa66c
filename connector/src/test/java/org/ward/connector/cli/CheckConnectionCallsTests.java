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
