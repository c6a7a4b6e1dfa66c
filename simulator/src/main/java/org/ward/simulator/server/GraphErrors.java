package org.ward.simulator.server;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.node.ObjectNode;

/** Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
public final class GraphErrors {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private GraphErrors() {
    }

    public static ObjectNode body(String code, String message, String requestId, String clientRequestId, Instant date) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        // Graph writes this one timestamp without fraction or offset: "2025-02-13T10:17:05" (json-batching.md).
        inner.put("date", DATE.format(date));
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId);
        return root;
    }
}
