package org.ward.simulator.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The route table. Resource families add their routes and path rewrites (aliases such as
 * {@code /users/{id}/drive} → {@code /drives/{driveId}}) here; the pipeline asks it to match.
 */
public final class Routes {

    /** A matched route with its captured path parameters. */
    public record Match(Route route, Map<String, String> params) {
    }

    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<UnaryOperator<String>> rewrites = new CopyOnWriteArrayList<>();

    public void add(Route route) {
        routes.add(route);
    }

    /** A rewrite returns the path unchanged when it does not apply; it may throw a {@link GraphException}. */
    public void rewrite(UnaryOperator<String> rewrite) {
        rewrites.add(rewrite);
    }

    public String rewritten(String path) {
        String current = path;
        for (UnaryOperator<String> rewrite : rewrites) {
            current = rewrite.apply(current);
        }
        return current;
    }

    /** Matches a rewritten path; a path that matches a template but not the method gives 405. */
    public Match match(String method, String path) {
        List<String> segments = PathSegments.split(path);
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> params = bind(route.segments(), segments);
            if (params == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                return new Match(route, params);
            }
        }
        if (pathKnown) {
            throw new GraphException(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.");
        }
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        throw GraphException.badRequest("Resource not found for the segment '" + last + "'.");
    }

    private static Map<String, String> bind(List<String> template, List<String> actual) {
        if (template.size() != actual.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String a = actual.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), a);
            } else if (!t.equalsIgnoreCase(a)) {
                return null;
            }
        }
        return params;
    }

    public List<Route> all() {
        return new ArrayList<>(routes);
    }
}
