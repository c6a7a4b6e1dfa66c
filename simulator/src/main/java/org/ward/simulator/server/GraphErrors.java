package org.ward.simulator.server;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** Graph's error body: {@code {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}}. */
public final class GraphErrors {

    private GraphErrors() {
    }

    public static ObjectNode body(String code, String message, String requestId, String clientRequestId, Instant date) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        ObjectNode inner = error.putObject("innerError");
        inner.put("date", Json.date(date).replaceAll("\\.\\d+Z$", "Z"));
        inner.put("request-id", requestId);
        inner.put("client-request-id", clientRequestId);
        return root;
    }
}
