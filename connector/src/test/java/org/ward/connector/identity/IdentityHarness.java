package org.ward.connector.identity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.scan.ScanService;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.simulator.Simulator;
import org.ward.simulator.fixture.FixtureLoader;
import org.ward.simulator.throttle.Latency;

/**
 * Ward's real application context against the simulated "Identity Clinic" ({@code tenants/identity-clinic.yaml}):
 * the settings a tenant admin writes, an H2 database, the clinic's policy file.
 */
final class IdentityHarness {

    static final String FIXTURE = "/tenants/identity-clinic.yaml";
    static final String POLICY = "../rules/src/test/resources/policy/identity-policy.yaml";

    private IdentityHarness() {
    }

    /** Latency off; throttling at Microsoft's limits. */
    static Simulator clinic() {
        return clinic(true);
    }

    /**
     * @param throttling whether the simulator enforces Microsoft's identity limits; without them Ward's own pacing is
     *        lifted too, so tests about something else do not wait on it
     */
    static Simulator clinic(boolean throttling) {
        return Simulator.builder().tenant(Simulator.TenantSource.resource(FIXTURE)).latency(Latency.OFF)
                .throttling(throttling).start();
    }

    /** Settings for the app at the given position in the fixture (0: every permission; 1: no identity permissions). */
    static Map<String, Object> settings(Simulator simulator, Path dataDir, int app) {
        FixtureLoader.AppCredentials credentials = simulator.credentials().get(app);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ward.graph.cloud", "custom");
        p.put("ward.graph.base-url", simulator.info().graphBaseUrl());
        p.put("ward.graph.authority", simulator.info().authority());
        p.put("ward.graph.tenant-id", simulator.info().tenantId());
        p.put("ward.graph.client-id", credentials.clientId());
        p.put("ward.graph.client-secret", credentials.clientSecret());
        p.put("ward.graph.trust.ca-certificate", simulator.info().caCertificate().toString());
        p.put("ward.policy.pack", POLICY);
        p.put("ward.data-dir", dataDir.toString());
        p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ward") + ";DB_CLOSE_ON_EXIT=FALSE");
        p.put("logging.file.name", dataDir.resolve("ward.log").toString());
        if (!simulator.throttle().enabled()) {
            p.put("ward.identity.reports-budget", 10_000);
            p.put("ward.identity.protection-budget", 10_000);
        }
        return p;
    }

    static Map<String, Object> with(Map<String, Object> settings, String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return more;
    }

    /** A tenant scan (the identity step included) in a fresh context; the open findings afterwards. */
    static List<Finding> scan(Map<String, Object> settings) {
        try (ConfigurableApplicationContext context = WardApplication.run(settings)) {
            context.getBean(ScanService.class).scan();
            return open(context);
        }
    }

    /** The identity checks on their own, in a fresh context. */
    static IdentityRun identity(Map<String, Object> settings) {
        try (ConfigurableApplicationContext context = WardApplication.run(settings)) {
            return context.getBean(IdentityService.class).run(null, (String) settings.get("ward.graph.tenant-id"));
        }
    }

    static List<Finding> open(ConfigurableApplicationContext context) {
        return context.getBean(FindingStore.class).all().stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
    }

    static List<Finding> open(Map<String, Object> settings) {
        try (ConfigurableApplicationContext context = WardApplication.run(settings)) {
            return open(context);
        }
    }
}
