package org.ward.connector.alerts;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON shape of an alert the webhook and JSON-lines channels send, documented in docs/alerts.md ("Payload
 * schema"): {@code schema} names its version; receivers deduplicate by {@code eventId}.
 */
final class AlertPayload {

    static final String SCHEMA = "ward.alert/1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AlertPayload() {
    }

    static Map<String, Object> fields(Alert alert) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema", SCHEMA);
        out.put("eventId", alert.eventId());
        out.put("kind", alert.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        out.put("at", alert.at());
        out.put("severity", alert.severity());
        out.put("title", alert.title());
        out.put("summary", alert.summary());
        out.put("nextStep", alert.nextStep());
        out.put("facts", alert.facts());
        out.put("lines", alert.lines());
        out.put("link", alert.link());
        return out;
    }

    /** One line of JSON (no line breaks inside). */
    static String json(Alert alert) {
        return JSON.writeValueAsString(fields(alert));
    }

    static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    static Alert read(String json) {
        return JSON.readValue(json, Alert.class);
    }

    static String text(Alert alert) {
        return JSON.writeValueAsString(alert);
    }
}
