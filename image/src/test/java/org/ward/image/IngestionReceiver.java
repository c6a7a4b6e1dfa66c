package org.ward.image;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/**
 * A real HTTP receiver on the loopback standing in for Application Insights' ingestion endpoint, as the agent's
 * connection string points it there ({@code IngestionEndpoint=http://127.0.0.1:<port>/}): {@code POST /v2.1/track}
 * with gzip'd newline-delimited JSON envelopes, answered as the service does ({@code itemsReceived},
 * {@code itemsAccepted}, {@code errors}). Anything else the agent asks (live metrics' ping, the appId look-up) gets
 * 404 and is only counted.
 */
final class IngestionReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> envelopes = new CopyOnWriteArrayList<>();
    private final List<String> otherRequests = new CopyOnWriteArrayList<>();

    IngestionReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String connectionString(String instrumentationKey) {
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        return "InstrumentationKey=" + instrumentationKey + ";IngestionEndpoint=" + endpoint + ";LiveEndpoint="
                + endpoint;
    }

    List<JsonNode> envelopes() {
        return List.copyOf(envelopes);
    }

    List<String> otherRequests() {
        return List.copyOf(otherRequests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod()) || !"/v2.1/track".equals(exchange.getRequestURI().getPath())) {
                otherRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            List<String> lines = new String(body.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            for (String line : lines) {
                envelopes.add(ImageFiles.JSON.readTree(line));
            }
            byte[] answer = ("{\"itemsReceived\":" + lines.size() + ",\"itemsAccepted\":" + lines.size()
                    + ",\"errors\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
