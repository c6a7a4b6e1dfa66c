package org.ward.simulator.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ward.simulator.auth.Caller;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON batching: up to 20 requests, ids unique (case-insensitively), {@code dependsOn} ordering with 424 for the
 * dependents of a failed request, each inner request routed, authorised and charged on its own (so an inner
 * request can be throttled with its own {@code Retry-After}), and the outer answer 200 once the batch parsed.
 */
final class BatchProcessor {

    static final int MAX_REQUESTS = 20;

    private final GraphPipeline pipeline;

    BatchProcessor(GraphPipeline pipeline) {
        this.pipeline = pipeline;
    }

    GraphResponse process(GraphRequest outer, Caller caller) {
        JsonNode root;
        try {
            root = Json.parse(outer.body());
        } catch (RuntimeException e) {
            throw GraphException.badRequest("Unable to deserialize the batch request body.");
        }
        JsonNode requests = root.get("requests");
        if (requests == null || !requests.isArray() || requests.isEmpty()) {
            throw GraphException.badRequest("Invalid batch payload format.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphException.badRequest("The batch request contains more than the maximum of " + MAX_REQUESTS + " requests.");
        }
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode request : requests) {
            String id = request.path("id").asString(null);
            if (id == null || id.isBlank()) {
                throw GraphException.badRequest("Batch request id is missing.");
            }
            if (!seen.add(id.toLowerCase(Locale.ROOT))) {
                throw GraphException.badRequest("Batch request ids must be unique. The id '" + id + "' is repeated.");
            }
            if (request.path("method").asString(null) == null || request.path("url").asString(null) == null) {
                throw GraphException.badRequest("Batch request '" + id + "' must have a method and a url.");
            }
            if (request.has("body") && !hasContentType(request)) {
                throw GraphException.badRequest("Batch request '" + id + "' has a body but no Content-Type header.");
            }
            byId.put(id, request);
        }
        for (JsonNode request : byId.values()) {
            for (JsonNode dep : request.path("dependsOn")) {
                if (!byId.containsKey(dep.asString())) {
                    throw GraphException.badRequest("Batch request '" + request.path("id").asString()
                            + "' depends on the unknown request '" + dep.asString() + "'.");
                }
            }
        }
        Map<String, Integer> statuses = new HashMap<>();
        ArrayNode responses = Json.array();
        for (String id : order(byId)) {
            JsonNode request = byId.get(id);
            ObjectNode out = responses.addObject();
            out.put("id", id);
            boolean blocked = false;
            for (JsonNode dep : request.path("dependsOn")) {
                Integer status = statuses.get(dep.asString());
                if (status == null || status >= 400) {
                    blocked = true;
                }
            }
            if (blocked) {
                statuses.put(id, 424);
                out.put("status", 424);
                out.set("body", GraphErrors.body("BadRequest", "Failed dependency.", RequestIds.next(),
                        RequestIds.next(), java.time.Instant.now()));
                out.putObject("headers").put("Content-Type", GraphPipeline.JSON_TYPE);
                continue;
            }
            GraphRequest innerRequest;
            try {
                innerRequest = innerRequest(outer, request);
            } catch (GraphException malformed) {
                innerRequest = null;
                statuses.put(id, malformed.status());
                out.put("status", malformed.status());
                out.putObject("headers").put("Content-Type", GraphPipeline.JSON_TYPE);
                out.set("body", GraphErrors.body(malformed.code(), malformed.getMessage(), RequestIds.next(),
                        RequestIds.next(), pipeline.clock().instant()));
            }
            if (innerRequest == null) {
                continue;
            }
            GraphResponse inner = pipeline.executeInner(innerRequest, caller);
            statuses.put(id, inner.status());
            out.put("status", inner.status());
            ObjectNode headers = out.putObject("headers");
            inner.headers().forEach((name, value) -> {
                if (!name.equalsIgnoreCase("x-ms-ags-diagnostic")) {
                    headers.put(name, value);
                }
            });
            if (inner.body() != null) {
                out.set("body", inner.body());
            }
        }
        ObjectNode body = Json.object();
        body.set("responses", responses);
        return GraphResponse.ok(body);
    }

    private static boolean hasContentType(JsonNode request) {
        JsonNode headers = request.path("headers");
        for (String name : headers.propertyNames()) {
            if (name.equalsIgnoreCase("Content-Type")) {
                return true;
            }
        }
        return false;
    }

    /** Dependencies first; otherwise the order the client sent. */
    private static List<String> order(Map<String, JsonNode> byId) {
        List<String> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String id : byId.keySet()) {
            visit(id, byId, ordered, done, visiting);
        }
        return ordered;
    }

    private static void visit(String id, Map<String, JsonNode> byId, List<String> ordered, Set<String> done, Set<String> visiting) {
        if (done.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw GraphException.badRequest("Batch request dependencies form a cycle at '" + id + "'.");
        }
        for (JsonNode dep : byId.get(id).path("dependsOn")) {
            visit(dep.asString(), byId, ordered, done, visiting);
        }
        visiting.remove(id);
        done.add(id);
        ordered.add(id);
    }

    private static GraphRequest innerRequest(GraphRequest outer, JsonNode request) {
        String url = request.path("url").asString();
        if (url.startsWith("https://") || url.startsWith("http://")) {
            int v = url.indexOf("/" + outer.version() + "/");
            url = v < 0 ? url : url.substring(v + outer.version().length() + 1);
        }
        if (!url.startsWith("/")) {
            url = "/" + url;
        }
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q + 1);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, JsonNode> h : request.path("headers").properties()) {
            headers.put(h.getKey(), h.getValue().asString());
        }
        JsonNode body = request.get("body");
        byte[] bytes = body == null ? new byte[0]
                : body.isString() ? body.stringValue().getBytes(StandardCharsets.UTF_8) : Json.bytes(body);
        return GraphRequest.of(request.path("method").asString(), outer.version(), path, query, headers, bytes, outer.origin());
    }
}
