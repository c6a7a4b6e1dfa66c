package org.ward.simulator.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Graph request as the pipeline sees it, whether it came over HTTPS or from inside a {@code $batch}.
 *
 * @param method HTTP method in upper case
 * @param version "v1.0" or "beta"
 * @param path the path after the version, starting with "/" ("/drives/b!x/items/root/delta")
 * @param rawQuery the query string as sent (still encoded), or ""
 * @param query decoded query parameters, first value wins
 * @param headers request headers, case-insensitive
 * @param body the request body, empty when none
 * @param origin scheme, host and port the caller used ("https://localhost:9443"), for building links
 */
public record GraphRequest(
        String method,
        String version,
        String path,
        String rawQuery,
        Map<String, String> query,
        Map<String, String> headers,
        byte[] body,
        String origin) {

    public static GraphRequest of(String method, String version, String path, String rawQuery,
            Map<String, String> headers, byte[] body, String origin) {
        Map<String, String> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseless.putAll(headers);
        return new GraphRequest(method.toUpperCase(Locale.ROOT), version, path, rawQuery == null ? "" : rawQuery,
                decodeQuery(rawQuery), caseless, body == null ? new byte[0] : body, origin);
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The Graph root this request was addressed to, e.g. "https://localhost:9443/v1.0". */
    public String serviceRoot() {
        return origin + "/" + version;
    }

    /** The full URL of this request, for nextLink and deltaLink building. */
    public String url() {
        return serviceRoot() + path + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }

    /** All values of a Prefer header, split on commas, in lower case. */
    public List<String> preferences() {
        String prefer = header("Prefer");
        if (prefer == null || prefer.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(prefer.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    static Map<String, String> decodeQuery(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            result.putIfAbsent(key, value);
        }
        return result;
    }

    private static String decode(String s) {
        return UrlDecoding.decode(s);
    }
}
