package org.ward.simulator.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Graph error: becomes Graph's error body ({@code error.code}, {@code error.message}, {@code error.innerError})
 * with the given HTTP status and headers.
 */
public class GraphException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public GraphException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public GraphException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static GraphException badRequest(String message) {
        return new GraphException(400, "BadRequest", message);
    }

    public static GraphException invalidRequest(String message) {
        return new GraphException(400, "invalidRequest", message);
    }

    public static GraphException itemNotFound(String message) {
        return new GraphException(404, "itemNotFound", message);
    }

    public static GraphException directoryNotFound(String id) {
        return new GraphException(404, "Request_ResourceNotFound",
                "Resource '" + id + "' does not exist or one of its queried reference-property objects are not present.");
    }

    public static GraphException unsupportedQuery(String message) {
        return new GraphException(400, "Request_UnsupportedQuery", message);
    }
}
