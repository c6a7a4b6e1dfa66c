package org.ward.rules.policy;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.ward.rules.policy.PolicyNode.ListNode;
import org.ward.rules.policy.PolicyNode.MapNode;

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
        if (!Scalars.isNull(node)) {
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
        return !Scalars.isNull(map.entries().get(key));
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
        return node(key).map(n -> Scalars.textOf(n, problems)).orElse(fallback);
    }

    int integer(String key, int fallback, int min, int max) {
        return node(key).map(n -> Scalars.integerOf(n, min, max, problems)).orElse(fallback);
    }

    boolean bool(String key, boolean fallback) {
        return node(key).map(n -> Scalars.booleanOf(n, problems)).orElse(fallback);
    }

    Period period(String key, Period fallback) {
        return node(key).map(n -> Scalars.periodOf(n, problems)).orElse(fallback);
    }

    Duration duration(String key, Duration fallback) {
        return node(key).map(n -> Scalars.durationOf(n, problems)).orElse(fallback);
    }

    List<String> texts(String key, List<String> fallback) {
        return node(key).map(n -> Scalars.textsOf(n, problems)).orElse(fallback);
    }

    List<Integer> integers(String key, List<Integer> fallback) {
        return has(key) ? each(key, n -> Scalars.integerOf(n, 0, Integer.MAX_VALUE, problems)) : fallback;
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
        return node(key).map(n -> Scalars.choiceOf(n, options, noun, problems)).orElse(fallback);
    }
}
