package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.simulator.Simulator;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.throttle.Latency;

/** {@code ward identity}: what it prints, including each check that did not run and why, and its exit codes. */
class IdentityCommandTests {

    @TempDir
    Path dataDir;

    Simulator simulator;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false);

    @BeforeEach
    void start() {
        simulator = Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/identity-clinic.yaml"))
                .latency(Latency.OFF).throttling(false).start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Map<String, Object> settings() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ward.graph.cloud", "custom");
        p.put("ward.graph.base-url", simulator.info().graphBaseUrl());
        p.put("ward.graph.authority", simulator.info().authority());
        p.put("ward.graph.tenant-id", simulator.info().tenantId());
        p.put("ward.graph.client-id", simulator.info().clientId());
        p.put("ward.graph.client-secret", simulator.info().clientSecret());
        p.put("ward.graph.trust.ca-certificate", simulator.info().caCertificate().toString());
        p.put("ward.policy.pack", "../rules/src/test/resources/policy/identity-policy.yaml");
        p.put("ward.data-dir", dataDir.toString());
        p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ward") + ";DB_CLOSE_ON_EXIT=FALSE");
        p.put("logging.file.name", dataDir.resolve("ward.log").toString());
        p.put("ward.identity.reports-budget", 10_000);
        p.put("ward.identity.protection-budget", 10_000);
        return p;
    }

    private int run(IdentityCommand command) {
        try (ConfigurableApplicationContext context = WardApplication.run(settings())) {
            return command.run(context, console);
        }
    }

    @Test
    void listsOpenIdentityFindingsAndTheSignInsAnalysed() {
        int exit = run(new IdentityCommand());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(printed).contains("sign-ins", "analysed from the beta log").contains("PASSWORD_SPRAY")
                .contains("198.51.100.20").contains("MFA_FATIGUE").contains("gita.rao@identityclinic.nhs.uk");
    }

    @Test
    void saysWhichChecksDidNotRunAndWhy() {
        simulator.tenant().write(() -> simulator.tenant().identity().setPremium(Premium.NONE));

        run(new IdentityCommand());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Not run:")
                .contains("  password-spray: the tenant has no Microsoft Entra ID P1 or P2 licence, needed for the sign-in log")
                .contains("  risky-user: the tenant has no Microsoft Entra ID P2 licence, needed for risky users");
    }

    @Test
    void exitsWithThreeWhenAFindingReachesTheFailOnSeverity() {
        IdentityCommand command = new IdentityCommand();
        command.failOn = org.ward.rules.policy.Severity.CRITICAL;

        assertThat(run(command)).isEqualTo(ExitCodes.FINDINGS);
    }
}
