package org.ward.connector.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The web server, probe and metrics settings ward serve starts with. Every other source (application.yml, a
 * {@code --config} file, the environment) overrides them; the other commands start no web server and never see them.
 */
public final class ServiceDefaults {

    private ServiceDefaults() {
    }

    public static Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", "8080");
        // Stop taking requests, finish those in flight, then stop the processor (which hands back what it cannot finish).
        p.put("server.shutdown", "graceful");
        p.put("spring.lifecycle.timeout-per-shutdown-phase", "30s");
        // A connection that sends nothing for this long is closed (bodies have their own, shorter, ward.webhook.body-timeout).
        p.put("server.tomcat.connection-timeout", "10s");
        p.put("management.endpoints.web.exposure.include", "health,prometheus");
        p.put("management.endpoint.health.probes.enabled", "true");
        // The port Graph posts to is public: anyone may see each check's status, not its details (paths, receivers'
        // errors). An operator who moves management.server.port off the public port can show them.
        p.put("management.endpoint.health.show-components", "always");
        p.put("management.endpoint.health.show-details", "never");
        p.put("management.endpoint.health.group.liveness.include", "livenessState");
        p.put("management.endpoint.health.group.readiness.include", "readinessState,database,graph,subscriptions");
        p.put("management.metrics.tags.application", "ward");
        // Named in structured (JSON) logs: --log-format json, or logging.structured.format.console.
        p.put("logging.structured.ecs.service.name", "ward");
        // Graph waits 3 s for an answer: a database that gives no connection within 2 s gets Graph a 503, and a retry.
        p.put("spring.datasource.hikari.connection-timeout", "2000");
        // Each refresh worker holds its drive's claim on a connection of its own while it works on another.
        p.put("spring.datasource.hikari.maximum-pool-size", "30");
        return p;
    }
}
