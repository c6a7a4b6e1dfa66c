package org.ward.connector.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ward.simulator.Simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local managed-identity endpoint Azure Container Apps (and App Service) give a container: {@code IDENTITY_ENDPOINT}
 * and {@code IDENTITY_HEADER} in its environment, {@code GET ?api-version=2019-08-01&resource=…&client_id=…} with the
 * header {@code X-IDENTITY-HEADER}, answered with a token for that resource
 * (https://learn.microsoft.com/azure/container-apps/managed-identity#rest-endpoint-reference). The tokens are the
 * simulator's, issued to one of its tenant's apps standing for the user-assigned identity, so Graph and the other
 * stand-ins accept them as Entra's.
 */
public final class ManagedIdentityStandIn implements AutoCloseable {

    private final HttpServer server;
    private final Simulator simulator;
    private final String clientId;
    private final String secret = UUID.randomUUID().toString();
    private final List<String> resources = new CopyOnWriteArrayList<>();
    private final Map<String, String> fixed = new java.util.concurrent.ConcurrentHashMap<>();

    /** The identity whose client id is {@code clientId} (an app of the simulator's tenant). */
    public ManagedIdentityStandIn(Simulator simulator, String clientId) {
        this.simulator = simulator;
        this.clientId = clientId;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/msi/token", exchange -> {
            try (exchange) {
                handle(exchange);
            }
        });
        server.start();
    }

    /** The environment a container with this identity gets. */
    public Map<String, String> environment() {
        return Map.of("IDENTITY_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort() + "/msi/token",
                "IDENTITY_HEADER", secret);
    }

    /**
     * Issues this token for {@code resource} instead of a simulator token: for a service such as PostgreSQL in a test,
     * which compares the token with a role's password rather than checking Entra's signature.
     */
    public ManagedIdentityStandIn issuing(String resource, String token) {
        fixed.put(resource, token);
        return this;
    }

    /** The resources tokens were issued for, in order. */
    public List<String> resources() {
        return List.copyOf(resources);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!secret.equals(exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER"))) {
            respond(exchange, 401, "{\"statusCode\":401,\"message\":\"X-IDENTITY-HEADER is missing or wrong.\"}");
            return;
        }
        if (!"2019-08-01".equals(query.get("api-version")) || query.get("resource") == null) {
            respond(exchange, 400, "{\"statusCode\":400,\"message\":\"api-version 2019-08-01 and resource are"
                    + " required.\"}");
            return;
        }
        if (query.containsKey("client_id") && !clientId.equalsIgnoreCase(query.get("client_id"))) {
            respond(exchange, 400, "{\"statusCode\":400,\"message\":\"No User Assigned or Delegated Managed Identity"
                    + " found for specified ClientId/ResourceId/PrincipalId.\"}");
            return;
        }
        String resource = query.get("resource").replaceAll("/+$", "");
        resources.add(resource);
        var tenant = simulator.tenant();
        String token = fixed.containsKey(resource) ? fixed.get(resource)
                : simulator.tokens().issue(tenant, tenant.read(() -> tenant.app(clientId)), resource, false);
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"expires_on\":\""
                + Instant.now().plus(Duration.ofHours(1)).getEpochSecond() + "\",\"resource\":\"" + resource
                + "\",\"token_type\":\"Bearer\",\"client_id\":\"" + clientId + "\"}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
