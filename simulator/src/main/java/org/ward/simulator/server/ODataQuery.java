package org.ward.simulator.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OData system query options of one request: {@code $select}, {@code $expand}, {@code $top},
 * {@code $skiptoken}, {@code $filter}. Unknown {@code $} options are refused the way Graph refuses them.
 */
public record ODataQuery(Set<String> select, List<Expand> expand, Integer top, String skipToken, ODataFilter filter) {

    /** One {@code $expand} entry, e.g. {@code listItem($expand=fields)} → name "listItem", options "$expand=fields". */
    public record Expand(String name, String options) {
    }

    private static final Set<String> KNOWN = Set.of("$select", "$expand", "$top", "$skiptoken", "$filter", "$orderby",
            "$count", "$search", "$skip", "$format");

    public static ODataQuery parse(Map<String, String> query) {
        for (String key : query.keySet()) {
            if (key.startsWith("$") && !KNOWN.contains(key.toLowerCase(Locale.ROOT))) {
                throw GraphException.badRequest("Query option '" + key + "' is not allowed.");
            }
        }
        Set<String> select = null;
        String selectText = get(query, "$select");
        if (selectText != null && !selectText.isBlank()) {
            select = new LinkedHashSet<>();
            for (String part : splitTopLevel(selectText)) {
                select.add(part.trim());
            }
        }
        List<Expand> expand = new ArrayList<>();
        String expandText = get(query, "$expand");
        if (expandText != null && !expandText.isBlank()) {
            for (String part : splitTopLevel(expandText)) {
                String p = part.trim();
                int paren = p.indexOf('(');
                expand.add(paren < 0 ? new Expand(p, "") : new Expand(p.substring(0, paren), p.substring(paren + 1, p.length() - 1)));
            }
        }
        Integer top = null;
        String topText = get(query, "$top");
        if (topText != null) {
            try {
                top = Integer.parseInt(topText.trim());
            } catch (NumberFormatException e) {
                throw GraphException.badRequest("Invalid value '" + topText + "' for query option '$top'.");
            }
            if (top < 0) {
                throw GraphException.badRequest("Invalid value '" + topText + "' for query option '$top'.");
            }
        }
        String filterText = get(query, "$filter");
        ODataFilter filter = filterText == null || filterText.isBlank() ? null : ODataFilter.parse(filterText);
        return new ODataQuery(select, List.copyOf(expand), top, get(query, "$skiptoken"), filter);
    }

    private static String get(Map<String, String> query, String key) {
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    public boolean expands(String name) {
        return expand.stream().anyMatch(e -> e.name().equalsIgnoreCase(name));
    }

    public Expand expansion(String name) {
        return expand.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    public boolean selects(String property) {
        return select != null && select.stream().anyMatch(s -> s.equalsIgnoreCase(property) || s.equals("*"));
    }

    /** The page size: {@code $top} when given (capped at {@code max}), otherwise the resource's default. */
    public int pageSize(int defaultSize, int max) {
        return top == null ? defaultSize : Math.max(1, Math.min(top, max));
    }

    /** Splits a comma list at the top level only, so "a,b($select=c,d)" gives "a" and "b($select=c,d)". */
    static List<String> splitTopLevel(String text) {
        return splitTopLevel(text, ',');
    }

    /** Splits at a separator outside parentheses. */
    static List<String> splitTopLevel(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == separator && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
