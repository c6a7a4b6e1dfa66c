package org.ward.connector.graph;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer to one request inside a {@code $batch}, found by the id the caller gave it.
 *
 * @param id      the caller's id
 * @param request the inner request as a tenant admin would name it, e.g. {@code GET /drives/x/items/y}
 * @param status  the inner HTTP status (0 when Graph left the id out of its answer)
 * @param headers the inner headers, looked up case-insensitively
 * @param body    the inner body as JSON text, or empty
 */
public record BatchOutcome(String id, String request, int status, Map<String, String> headers, String body) {

    /** Graph's error code and message from an inner error body. */
    public record Error(String code, String message) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public BatchOutcome {
        TreeMap<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers == null ? Map.of() : headers);
        headers = Collections.unmodifiableMap(caseless);
        body = body == null ? "" : body;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** Deserialises a successful body into an SDK model, e.g. {@code outcome.read(DriveItem::createFromDiscriminatorValue)}. */
    public <T extends Parsable> T read(ParsableFactory<T> factory) {
        return new JsonParseNodeFactory()
                .getParseNode("application/json", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getObjectValue(factory);
    }

    public Error error() {
        try {
            JsonNode error = JSON.readTree(body.isBlank() ? "{}" : body).path("error");
            return new Error(error.path("code").asString(""), error.path("message").asString(""));
        } catch (JacksonException e) {
            return new Error("", body.strip());
        }
    }
}
