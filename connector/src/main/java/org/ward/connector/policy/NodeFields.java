package org.ward.connector.policy;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ward.connector.policy.PolicyNode.ListNode;
import org.ward.connector.policy.PolicyNode.MapNode;
import org.ward.connector.policy.PolicyNode.ScalarKind;
import org.ward.connector.policy.PolicyNode.ScalarNode;

/**
 * Typed reads of one YAML map's fields. A wrong value is recorded as a located problem and the default is
 * returned, so binding carries on and one load reports every mistake. Unknown keys are reported on creation.
 */
final class NodeFields {

    private final MapNode map;
    private final Problems problems;

    private NodeFields(MapNode map, Problems problems, Set<String> allowed) {
        this.map = map;
        this.problems = problems;
        map.keys().forEach((key, origin) -> {
            if (!allowed.contains(key)) {
                problems.add(origin, "is not a known field (" + Suggestions.forUnknown(key, allowed) + ")");
            }
        });
    }

    /** Reads {@code node} as a map with the given fields; anything else is reported and read as an empty map. */
    static NodeFields of(PolicyNode node, Problems problems, String... allowed) {
        Set<String> fields = new LinkedHashSet<>(Arrays.asList(allowed));
        if (node instanceof MapNode map) {
            return new NodeFields(map, problems, fields);
        }
        if (!isNull(node)) {
            problems.add(node.origin(), "expected a map of fields, found " + node.shape());
        }
        return new NodeFields(MapNode.empty(node.origin()), problems, fields);
    }

    Origin origin() {
        return map.origin();
    }

    /** The origin of a field's value, or of the missing field itself. */
    Origin originOf(String key) {
        PolicyNode node = map.entries().get(key);
        return node == null ? map.origin().field(key) : node.origin();
    }

    boolean has(String key) {
        return !isNull(map.entries().get(key));
    }

    Optional<PolicyNode> node(String key) {
        return has(key) ? Optional.of(map.entries().get(key)) : Optional.empty();
    }

    String requiredText(String key) {
        if (!has(key)) {
            problems.add(originOf(key), "is required");
            return null;
        }
        return text(key, null);
    }

    String text(String key, String fallback) {
        return node(key).map(n -> textOf(n, problems)).orElse(fallback);
    }

    int integer(String key, int fallback, int min, int max) {
        return node(key).map(n -> integerOf(n, min, max, problems)).orElse(fallback);
    }

    boolean bool(String key, boolean fallback) {
        return node(key).map(n -> booleanOf(n, problems)).orElse(fallback);
    }

    Period period(String key, Period fallback) {
        return node(key).map(n -> periodOf(n, problems)).orElse(fallback);
    }

    Duration duration(String key, Duration fallback) {
        return node(key).map(n -> durationOf(n, problems)).orElse(fallback);
    }

    List<String> texts(String key, List<String> fallback) {
        return node(key).map(n -> textsOf(n, problems)).orElse(fallback);
    }

    List<Integer> integers(String key, List<Integer> fallback) {
        return has(key) ? each(key, n -> integerOf(n, 0, Integer.MAX_VALUE, problems)) : fallback;
    }

    /** Each item of a list field mapped by {@code reader}; items the reader rejects (null) are left out. */
    <T> List<T> each(String key, Function<PolicyNode, T> reader) {
        Optional<PolicyNode> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (!(node.get() instanceof ListNode list)) {
            problems.add(node.get().origin(), "expected a list, found " + node.get().shape());
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (PolicyNode item : list.items()) {
            T value = reader.apply(item);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    <T> T choice(String key, java.util.Map<String, T> options, String noun, T fallback) {
        return node(key).map(n -> choiceOf(n, options, noun, problems)).orElse(fallback);
    }

    /**
     * A value from a closed list; {@code options} is ordered as the message should list them, and a long list is
     * named by {@code noun} instead ("a known finding type").
     */
    static <T> T choiceOf(PolicyNode node, java.util.Map<String, T> options, String noun, Problems problems) {
        String text = textOf(node, problems);
        if (text == null) {
            return null;
        }
        T value = options.get(text);
        if (value == null) {
            String hint = Suggestions.closest(text, options.keySet());
            String expected = options.size() <= 10 ? "one of " + String.join(", ", options.keySet()) : noun;
            problems.add(node.origin(), "\"" + text + "\" is not " + expected
                    + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
        }
        return value;
    }

    static java.util.regex.Pattern regexOf(PolicyNode node, Problems problems) {
        String text = textOf(node, problems);
        if (text == null) {
            return null;
        }
        try {
            return java.util.regex.Pattern.compile(text);
        } catch (java.util.regex.PatternSyntaxException e) {
            problems.add(node.origin(), "\"" + text + "\" is not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
            return null;
        }
    }

    /** A list of text values; anything else is reported and read as an empty list. */
    static List<String> textsOf(PolicyNode node, Problems problems) {
        if (!(node instanceof ListNode list)) {
            problems.add(node.origin(), "expected a list, found " + node.shape());
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (PolicyNode item : list.items()) {
            String text = textOf(item, problems);
            if (text != null) {
                out.add(text);
            }
        }
        return out;
    }

    static boolean isNull(PolicyNode node) {
        return node == null || node instanceof ScalarNode s && s.kind() == ScalarKind.NULL;
    }

    static String textOf(PolicyNode node, Problems problems) {
        if (node instanceof ScalarNode s && s.kind() != ScalarKind.NULL) {
            return s.text();
        }
        problems.add(node.origin(), "expected text, found " + node.shape());
        return null;
    }

    static Integer integerOf(PolicyNode node, int min, int max, Problems problems) {
        if (!(node instanceof ScalarNode s) || s.kind() != ScalarKind.INTEGER) {
            problems.add(node.origin(), "expected a whole number, found " + node.shape());
            return null;
        }
        try {
            int value = Integer.parseInt(s.text().replace("_", ""));
            if (value < min || value > max) {
                problems.add(node.origin(), s.text() + " is outside " + min + " to " + max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(node.origin(), "expected a whole number, found " + node.shape());
            return null;
        }
    }

    static Boolean booleanOf(PolicyNode node, Problems problems) {
        if (node instanceof ScalarNode s && (s.text().equalsIgnoreCase("true") || s.text().equalsIgnoreCase("false"))) {
            return Boolean.valueOf(s.text().toLowerCase(java.util.Locale.ROOT));
        }
        problems.add(node.origin(), "expected true or false, found " + node.shape());
        return null;
    }

    static Period periodOf(PolicyNode node, Problems problems) {
        String text = textOf(node, problems);
        if (text == null) {
            return null;
        }
        try {
            Period period = Period.parse(text);
            if (period.isNegative() || period.isZero()) {
                problems.add(node.origin(), "\"" + text + "\" must be a positive period");
                return null;
            }
            return period;
        } catch (DateTimeParseException e) {
            problems.add(node.origin(), "\"" + text + "\" is not an ISO-8601 period such as P7D, P3M or P8Y");
            return null;
        }
    }

    static Duration durationOf(PolicyNode node, Problems problems) {
        String text = textOf(node, problems);
        if (text == null) {
            return null;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                problems.add(node.origin(), "\"" + text + "\" must be a positive duration");
                return null;
            }
            return duration;
        } catch (DateTimeParseException e) {
            problems.add(node.origin(), "\"" + text + "\" is not an ISO-8601 duration such as PT5M, PT20M or PT1H");
            return null;
        }
    }
}
