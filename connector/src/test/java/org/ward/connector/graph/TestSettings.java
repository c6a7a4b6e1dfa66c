package org.ward.connector.graph;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@code ward.graph.*} properties the way Spring does at start-up, defaults included. */
final class TestSettings {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String CLIENT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    private final Map<String, String> properties = new LinkedHashMap<>();

    private TestSettings() {
    }

    /** A valid client-secret configuration to start from. */
    static TestSettings valid() {
        return new TestSettings()
                .with("tenant-id", TENANT)
                .with("client-id", CLIENT)
                .with("client-secret", "test-secret");
    }

    static TestSettings empty() {
        return new TestSettings();
    }

    /** {@code name} is relative to {@code ward.graph.}; a null value removes the property. */
    TestSettings with(String name, String value) {
        if (value == null) {
            properties.remove("ward.graph." + name);
        } else {
            properties.put("ward.graph." + name, value);
        }
        return this;
    }

    TestSettings pointingAt(String origin) {
        return with("base-url", origin + "/v1.0").with("authority", origin.replace("http://", "https://"));
    }

    GraphSettings bind() {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("ward.graph", GraphSettings.class);
    }

    String[] asPropertyValues() {
        return properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }
}
