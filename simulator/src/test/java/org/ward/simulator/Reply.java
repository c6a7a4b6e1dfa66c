package org.ward.simulator;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One HTTP answer as the wire delivered it: status, headers and the body text.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param text the body, "" when none
 */
public record Reply(int status, HttpHeaders headers, String text) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(text);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    @Override
    public String toString() {
        return status + " " + text;
    }
}
