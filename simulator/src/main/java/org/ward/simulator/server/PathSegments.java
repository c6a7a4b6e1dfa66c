package org.ward.simulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits and normalises Graph paths. The SDK writes OData functions as {@code delta()} or
 * {@code delta(token='…')} and may qualify them as {@code microsoft.graph.delta}; all become the plain segment,
 * with function arguments moved into the query.
 */
public final class PathSegments {

    private static final Pattern FUNCTION = Pattern.compile("^(?:microsoft\\.graph\\.)?([A-Za-z]+)\\((.*)\\)$");
    private static final Pattern ARGUMENT = Pattern.compile("([A-Za-z]+)='((?:[^']|'')*)'");

    private PathSegments() {
    }

    /** Splits a path already decoded by {@link #normaliseFunctions}. */
    public static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /**
     * Decodes each segment, rewrites function-call segments to plain names and returns the arguments found.
     *
     * @param path the raw path
     * @param arguments receives function arguments (e.g. token)
     * @return the normalised path
     */
    public static String normaliseFunctions(String path, Map<String, String> arguments) {
        StringBuilder out = new StringBuilder();
        for (String raw : path.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String segment = UrlDecoding.decode(raw);
            Matcher m = FUNCTION.matcher(segment);
            if (m.matches() && !segment.contains(",")) {
                Matcher arg = ARGUMENT.matcher(m.group(2));
                while (arg.find()) {
                    arguments.put(arg.group(1), arg.group(2).replace("''", "'"));
                }
                out.append('/').append(m.group(1));
            } else if (segment.startsWith("microsoft.graph.")) {
                out.append('/').append(segment.substring("microsoft.graph.".length()));
            } else {
                out.append('/').append(segment);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
