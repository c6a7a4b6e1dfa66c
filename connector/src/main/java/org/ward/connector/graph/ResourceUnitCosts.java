package org.ward.connector.graph;

import java.util.Arrays;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import okhttp3.HttpUrl;
import okhttp3.Request;
import okio.Buffer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prices a request in SharePoint/OneDrive resource units as Microsoft publishes them: 1 for a single-item GET,
 * a delta page with a token and a download; 2 for lists, delta without a token and any write; 5 for anything
 * touching permissions; a {@code $batch} costs the sum of its inner requests. Only site, drive and share
 * requests spend this budget; directory and identity calls are metered elsewhere and cost 0 here.
 */
final class ResourceUnitCosts {

    /** Units of a request, and whether sending it twice is harmless (idempotent, or a batch of reads). */
    record Cost(int units, boolean repeatable) {
    }

    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    private static final Set<String> COLLECTIONS = Set.of("children", "drives", "sites", "items", "lists", "columns",
            "versions", "contenttypes", "thumbnails", "pages", "getallsites", "followed", "recent", "sharedwithme",
            "activities", "operations", "subsites");
    private static final Set<String> PERMISSION_ACTIONS = Set.of("permissions", "invite", "createlink", "grant");
    /** POST actions that only read, priced and retried like a single-item GET. */
    private static final Set<String> READ_ACTIONS = Set.of("extractsensitivitylabels");
    private static final Set<String> LIST_QUERY = Set.of("$top", "$filter", "$skiptoken", "$search", "search");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String graphHost;
    private final String basePath;

    ResourceUnitCosts(String graphHost, String basePath) {
        this.graphHost = graphHost;
        this.basePath = basePath;
    }

    Cost of(Request request) {
        HttpUrl url = request.url();
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!url.host().equalsIgnoreCase(graphHost)) {
            return new Cost(0, IDEMPOTENT.contains(method)); // e.g. a download redirected to SharePoint
        }
        String path = RequestLine.relative(url, basePath);
        if ("POST".equals(method) && path.equalsIgnoreCase("/$batch")) {
            return batch(request);
        }
        return new Cost(units(method, path, url.query()), IDEMPOTENT.contains(method) || readAction(path));
    }

    private static boolean readAction(String path) {
        List<String> segments = segments(path);
        return !segments.isEmpty() && READ_ACTIONS.contains(segments.get(segments.size() - 1));
    }

    static int units(String method, String path, String query) {
        List<String> segments = segments(path);
        if (!spendsSharePointBudget(segments)) {
            return 0;
        }
        if (segments.stream().anyMatch(PERMISSION_ACTIONS::contains) || expandsPermissions(query)) {
            return 5;
        }
        String last = segments.get(segments.size() - 1);
        if (READ_ACTIONS.contains(last)) {
            return 1;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return 2;
        }
        if (last.equals("delta") || last.startsWith("delta(")) {
            return (path + "?" + (query == null ? "" : query)).contains("token=") ? 1 : 2;
        }
        if (last.equals("content") || last.equals("$value")) {
            return 1;
        }
        boolean list = COLLECTIONS.contains(last) || last.startsWith("search(") || hasListQuery(query);
        return list ? 2 : 1;
    }

    private Cost batch(Request request) {
        try {
            Buffer buffer = new Buffer();
            if (request.body() != null) {
                request.body().writeTo(buffer);
            }
            int units = 0;
            boolean allReads = true;
            for (JsonNode inner : JSON.readTree(buffer.readString(StandardCharsets.UTF_8)).path("requests")) {
                String method = inner.path("method").asString("GET").toUpperCase(Locale.ROOT);
                String url = inner.path("url").asString("");
                HttpUrl parsed = HttpUrl.get("https://batch.invalid" + (url.startsWith("/") ? "" : "/") + url);
                units += units(method, RequestLine.relative(parsed, basePath), parsed.query());
                allReads &= "GET".equals(method) || readAction(RequestLine.relative(parsed, basePath));
            }
            return new Cost(units, allReads);
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return new Cost(0, false); // Graph will reject an unreadable batch itself; never retry it blindly
        }
    }

    private static boolean spendsSharePointBudget(List<String> segments) {
        if (segments.isEmpty()) {
            return false;
        }
        String root = segments.get(0);
        if (root.equals("sites") || root.equals("drives") || root.equals("shares")) {
            return true;
        }
        if ((root.equals("users") || root.equals("groups")) && segments.size() >= 3) {
            return segments.get(2).startsWith("drive");
        }
        return root.equals("me") && segments.size() >= 2 && segments.get(1).startsWith("drive");
    }

    private static boolean expandsPermissions(String query) {
        return query != null && pairs(query).stream()
                .anyMatch(pair -> pair.startsWith("$expand=") && pair.contains("permissions"));
    }

    private static boolean hasListQuery(String query) {
        return query != null && pairs(query).stream().anyMatch(pair -> LIST_QUERY.contains(pair.split("=", 2)[0]));
    }

    private static List<String> pairs(String query) {
        return List.of(query.toLowerCase(Locale.ROOT).split("&"));
    }

    private static List<String> segments(String path) {
        return Arrays.stream(path.toLowerCase(Locale.ROOT).split("/")).filter(s -> !s.isEmpty()).toList();
    }
}
