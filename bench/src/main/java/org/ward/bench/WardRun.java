package org.ward.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.simulator.SimulatorInfo;

/** Ward's real application context, pointed at a simulator the way a tenant admin's settings point at Graph. */
final class WardRun {

    private WardRun() {
    }

    static Map<String, Object> settings(SimulatorInfo info, String clientSecret, Path dataDir, long budgetPerMinute) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ward.graph.cloud", "custom");
        p.put("ward.graph.base-url", info.graphBaseUrl());
        p.put("ward.graph.authority", info.authority());
        p.put("ward.graph.tenant-id", info.tenantId());
        p.put("ward.graph.client-id", info.clientId());
        p.put("ward.graph.client-secret", clientSecret);
        p.put("ward.graph.trust.ca-certificate", info.caCertificate().toString());
        p.put("ward.graph.resilience.resource-units-per-minute", budgetPerMinute);
        p.put("ward.graph.resilience.resource-unit-margin", 0.97);
        p.put("ward.data-dir", dataDir.toString());
        p.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("ward") + ";DB_CLOSE_ON_EXIT=FALSE");
        p.put("logging.file.name", dataDir.resolve("ward.log").toString());
        return p;
    }

    static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return WardApplication.run(settings);
    }
}
