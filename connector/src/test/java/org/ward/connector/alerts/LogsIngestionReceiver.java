package org.ward.connector.alerts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.ward.simulator.Simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Azure Monitor's Logs Ingestion API as a real HTTPS server on loopback, as strict as the service for what Ward sends:
 * {@code POST /dataCollectionRules/{dcr}/streams/{stream}?api-version=2023-01-01} for its one rule and stream, a bearer
 * token for {@code https://monitor.azure.com} signed by the tenant's identity platform (the simulator's), a JSON array
 * body of records with TimeGenerated, at most 1 MB per call (413 above), 204 with no body
 * (learn.microsoft.com/azure/azure-monitor/logs/logs-ingestion-api-overview). Keeps the records it took.
 */
final class LogsIngestionReceiver implements AutoCloseable {

    static final String DCR = "dcr-00000000000000000000000000000000";
    static final String STREAM = "Custom-WardAlerts_CL";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpsServer server;
    private final Simulator simulator;
    private final List<JsonNode> records = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();

    LogsIngestionReceiver(Simulator simulator) throws Exception {
        this.simulator = simulator;
        char[] password = "receiver".toCharArray();
        KeyStore keys = simulator.certificateAuthority().serverKeyStore(password);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.start();
    }

    /** The data collection endpoint's logs ingestion URL. */
    String endpoint() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    List<JsonNode> records() {
        return List.copyOf(records);
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        if (!"POST".equals(exchange.getRequestMethod())) {
            refuse(exchange, 405, "MethodNotAllowed", "Only POST is supported.");
        } else if (!("/dataCollectionRules/" + DCR + "/streams/" + STREAM).equals(path)) {
            refuse(exchange, 404, "NotFound", "Data collection rule or stream not found: " + path);
        } else if (query == null || !query.contains("api-version=2023-01-01")) {
            refuse(exchange, 400, "InvalidApiVersion", "The api-version query parameter is missing or not supported.");
        } else if (!authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refuse(exchange, 401, "InvalidToken", "The access token is missing, invalid, or for another audience.");
        } else if (body.length > LogsIngestionChannel.MAX_CALL_BYTES) {
            refuse(exchange, 413, "ContentLengthLimitExceeded", "The request body is larger than 1 MB.");
        } else {
            JsonNode array;
            try {
                array = JSON.readTree(body);
            } catch (RuntimeException e) {
                array = null;
            }
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type == null || !type.startsWith("application/json") || array == null || !array.isArray()) {
                refuse(exchange, 400, "InvalidPayload", "The body must be a JSON array of records (application/json).");
            } else if (!allHaveTimeGenerated(array)) {
                refuse(exchange, 400, "InvalidPayload", "Every record needs TimeGenerated.");
            } else {
                array.forEach(records::add);
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
        }
    }

    private static boolean allHaveTimeGenerated(JsonNode array) {
        for (JsonNode record : array) {
            if (record.path("TimeGenerated").asString("").isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A token for Azure Monitor, signed by the tenant's identity platform and not expired. */
    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = header.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        if (!"https://monitor.azure.com".equals(claims.path("aud").asString(""))) {
            return false;
        }
        try {
            simulator.tokens().verify(header, simulator.tenant());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void refuse(HttpExchange exchange, int status, String code, String message) throws IOException {
        refusals.add(status + " " + code);
        byte[] answer = ("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
