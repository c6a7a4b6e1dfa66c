package org.ward.simulator.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds collection responses the way Graph pages them: {@code $filter} first, then a page of {@code $top} (or the
 * resource's default) entities, and an {@code @odata.nextLink} carrying an opaque {@code $skiptoken} and the
 * request's other query options.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * @param call the request
     * @param entities every entity of the collection, in a stable order, already rendered
     * @param context the {@code @odata.context} fragment, e.g. "users" or "drives('b!x')/items"
     * @param defaultSize the page size when no {@code $top} is given
     * @param maxSize the largest page the resource allows
     */
    public static ObjectNode of(GraphCall call, List<ObjectNode> entities, String context, int defaultSize, int maxSize) {
        ODataFilter filter = call.odata().filter();
        List<ObjectNode> filtered = filter == null ? entities : entities.stream().filter(filter::matches).toList();
        int offset = decodeSkipToken(call.odata().skipToken());
        int size = call.odata().pageSize(defaultSize, maxSize);
        ObjectNode body = Json.object();
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#" + context);
        ArrayNode value = body.putArray("value");
        int end = Math.min(filtered.size(), offset + size);
        for (int i = offset; i < end; i++) {
            value.add(filtered.get(i));
        }
        if (end < filtered.size()) {
            body.put("@odata.nextLink", nextLink(call, end));
        }
        return body;
    }

    /** A non-paged collection (Graph returns some small collections whole). */
    public static ObjectNode all(GraphCall call, List<ObjectNode> entities, String context) {
        ODataFilter filter = call.odata().filter();
        ObjectNode body = Json.object();
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#" + context);
        ArrayNode value = body.putArray("value");
        entities.stream().filter(e -> filter == null || filter.matches(e)).forEach(value::add);
        return body;
    }

    public static String nextLink(GraphCall call, int offset) {
        StringBuilder url = new StringBuilder(call.request().serviceRoot()).append(call.request().path());
        char separator = '?';
        for (Map.Entry<String, String> e : call.request().query().entrySet()) {
            if (e.getKey().equalsIgnoreCase("$skiptoken")) {
                continue;
            }
            url.append(separator).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        url.append(separator).append("$skiptoken=").append(encodeSkipToken(offset));
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%24", "$")
                .replace("%2C", ",").replace("%27", "'").replace("%28", "(").replace("%29", ")");
    }

    static String encodeSkipToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("RFNwdAIAAQAAA:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decodeSkipToken(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
        } catch (RuntimeException e) {
            throw GraphException.badRequest("The specified $skiptoken value is invalid.");
        }
    }
}
