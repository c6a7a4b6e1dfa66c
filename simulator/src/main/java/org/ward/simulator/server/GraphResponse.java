package org.ward.simulator.server;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A Graph response before it is written: status, headers and a JSON body (null for 204 and other empty answers),
 * or a plain-text body.
 */
public final class GraphResponse {

    private final int status;
    private final JsonNode body;
    private final String text;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private GraphResponse(int status, JsonNode body, String text) {
        this.status = status;
        this.body = body;
        this.text = text;
    }

    public static GraphResponse ok(JsonNode body) {
        return new GraphResponse(200, body, null);
    }

    public static GraphResponse created(JsonNode body) {
        return new GraphResponse(201, body, null);
    }

    public static GraphResponse status(int status, JsonNode body) {
        return new GraphResponse(status, body, null);
    }

    public static GraphResponse noContent() {
        return new GraphResponse(204, null, null);
    }

    public static GraphResponse accepted() {
        return new GraphResponse(202, null, null);
    }

    public static GraphResponse text(int status, String text) {
        return new GraphResponse(status, null, text);
    }

    public GraphResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }

    public String text() {
        return text;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
