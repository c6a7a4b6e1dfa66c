package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.simulator.Simulator;
import org.ward.simulator.fixture.FixtureLoader;
import org.ward.simulator.throttle.Buckets;
import org.ward.simulator.throttle.Latency;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A check whose input could not be read is "not run", and the scan says its result is incomplete — in the summary, in
 * scan.json and with exit code 1 — instead of exiting 0 with findings silently missing.
 */
class IncompleteScanTests {

    @TempDir
    Path dir;

    @Test
    void aSignInLogThatCannotBeReadMakesTheScanIncomplete() throws Exception {
        try (Simulator simulator = Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/identity-clinic.yaml"))
                .latency(Latency.OFF).throttling(false).start()) {
            simulator.throttle().outage(Buckets.REPORTS, true); // sign-ins and registration details answer 500
            CommandRun run;
            CommandRun findings;
            try (ConfigurableApplicationContext ward = WardApplication.run(settings(simulator))) {
                run = CommandRun.of(ward, new ScanCommand(), "--report-dir", dir.resolve("reports").toString());
                findings = CommandRun.of(ward, new FindingsCommand(), "--status", "all");
            }
            // Tenant- and user-level findings (conditional access, roles) have no URL: never "in null".
            assertThat(findings.out()).contains("MFA_NOT_ENFORCED").doesNotContain("null");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(run.out()).contains("INCOMPLETE: checks whose input could not be read did not run, so findings may"
                    + " be missing:").contains("the sign-in log could not be read");
            assertThat(run.err()).contains("is incomplete: ").contains("Run the scan again to complete it.");
            JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("reports/scan.json")));
            assertThat(manifest.path("complete").asBoolean()).isFalse();
            assertThat(manifest.path("incomplete").toString()).contains("the sign-in log could not be read");
        }
    }

    private Map<String, Object> settings(Simulator simulator) {
        FixtureLoader.AppCredentials app = simulator.credentials().get(0);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ward.graph.cloud", "custom");
        p.put("ward.graph.base-url", simulator.info().graphBaseUrl());
        p.put("ward.graph.authority", simulator.info().authority());
        p.put("ward.graph.tenant-id", simulator.info().tenantId());
        p.put("ward.graph.client-id", app.clientId());
        p.put("ward.graph.client-secret", app.clientSecret());
        p.put("ward.graph.trust.ca-certificate", simulator.info().caCertificate().toString());
        p.put("ward.policy.pack", "../rules/src/test/resources/policy/identity-policy.yaml");
        p.put("ward.data-dir", dir.resolve("data").toString());
        p.put("ward.identity.reports-budget", 10_000);
        p.put("ward.identity.protection-budget", 10_000);
        return p;
    }
}
