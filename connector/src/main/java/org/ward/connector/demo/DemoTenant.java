package org.ward.connector.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorInfo;

/**
 * The built-in demo: starts the Graph simulator in-process with the "Upwell Health Centre" tenant and returns
 * the ordinary settings that point Ward at it (Graph base URL, authority, tenant, app, trusted CA). Nothing else
 * in Ward knows it is talking to a simulator.
 */
public final class DemoTenant implements AutoCloseable {

    /** The organisation policy file the demo scans with: NHS England's pack extended with Upwell's registry. */
    public static final String POLICY = "classpath:policies/examples/upwell-health.yaml";

    private final Simulator simulator;

    private DemoTenant(Simulator simulator) {
        this.simulator = simulator;
    }

    public static DemoTenant start(Path dataDir) {
        return new DemoTenant(Simulator.builder().stateDir(dataDir.resolve("simulator")).start());
    }

    /** Spring properties that connect Ward to the demo tenant and keep its data apart from a real tenant's. */
    public Map<String, Object> properties(Path dataDir) {
        SimulatorInfo info = simulator.info();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ward.graph.cloud", "custom");
        properties.put("ward.graph.base-url", info.graphBaseUrl());
        properties.put("ward.graph.authority", info.authority());
        properties.put("ward.graph.tenant-id", info.tenantId());
        properties.put("ward.graph.client-id", info.clientId());
        properties.put("ward.graph.credential", "client-secret");
        properties.put("ward.graph.client-secret", info.clientSecret());
        properties.put("ward.graph.trust.ca-certificate", info.caCertificate().toString());
        properties.put("ward.policy.pack", POLICY);
        properties.put("ward.data-dir", dataDir.resolve("demo").toString());
        return properties;
    }

    public String tenantName() {
        return simulator.tenant().displayName;
    }

    @Override
    public void close() {
        simulator.close();
    }
}
