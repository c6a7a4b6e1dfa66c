package org.ward.connector.scan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.connector.findings.FindingStore;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorInfo;
import org.ward.simulator.throttle.Latency;

/**
 * Runs Ward's real application context against an in-process simulator: the same settings a tenant admin writes
 * (Graph base URL, authority, app, trusted CA), a database, a policy. Tests build one per scenario.
 */
public final class ScanHarness {

    public static final String CLINIC_POLICY = "../rules/src/test/resources/policy/clinic-policy.yaml";

    private ScanHarness() {
    }

    public static Simulator clinic() {
        return Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/clinic.yaml")).latency(Latency.OFF).start();
    }

    public static Map<String, Object> settings(SimulatorInfo info, String jdbcUrl, Path dataDir, String policy) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ward.graph.cloud", "custom");
        p.put("ward.graph.base-url", info.graphBaseUrl());
        p.put("ward.graph.authority", info.authority());
        p.put("ward.graph.tenant-id", info.tenantId());
        p.put("ward.graph.client-id", info.clientId());
        p.put("ward.graph.client-secret", info.clientSecret());
        p.put("ward.graph.trust.ca-certificate", info.caCertificate().toString());
        p.put("ward.policy.pack", policy);
        p.put("ward.data-dir", dataDir.toString());
        p.put("spring.datasource.url", jdbcUrl);
        p.put("logging.file.name", dataDir.resolve("ward.log").toString());
        return p;
    }

    /** The same settings, signing in as another of the fixture's apps (e.g. one with Sites.FullControl.All). */
    public static Map<String, Object> asApp(Map<String, Object> settings, Simulator simulator, String appName) {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        var app = simulator.tenant().read(() -> simulator.tenant().apps().stream()
                .filter(a -> a.displayName().equals(appName)).findFirst().orElseThrow());
        copy.put("ward.graph.client-id", app.clientId());
        copy.put("ward.graph.client-secret", app.secrets().get(0));
        return copy;
    }

    public static Map<String, Object> h2(Simulator simulator, Path dataDir) {
        return settings(simulator.info(), "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ward") + ";DB_CLOSE_ON_EXIT=FALSE",
                dataDir, CLINIC_POLICY);
    }

    public static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return WardApplication.run(settings);
    }

    /** Runs one scan in a fresh context and returns the open findings afterwards. */
    public static List<Finding> scan(Map<String, Object> settings) {
        try (ConfigurableApplicationContext context = start(settings)) {
            context.getBean(ScanService.class).scan();
            return open(context);
        }
    }

    public static List<Finding> open(ConfigurableApplicationContext context) {
        return context.getBean(FindingStore.class).all().stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
    }
}
