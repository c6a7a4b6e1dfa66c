package org.ward.rules.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value with its origin. Ward reads YAML into these nodes (not into Maps of Objects) so that every
 * validation error can name the file, line and field, and so that extension merging keeps each value's origin.
 */
sealed interface PolicyNode permits PolicyNode.MapNode, PolicyNode.ListNode, PolicyNode.ScalarNode {

    Origin origin();

    /** A short name of the node's shape for error messages ("a map", "a list", "text"). */
    String shape();

    /** A mapping; {@code keys} holds each key's own origin (its line) for "unknown field" errors. */
    record MapNode(Origin origin, Map<String, PolicyNode> entries, Map<String, Origin> keys) implements PolicyNode {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        }

        static MapNode empty(Origin origin) {
            return new MapNode(origin, Map.of(), Map.of());
        }

        @Override
        public String shape() {
            return "a map";
        }
    }

    record ListNode(Origin origin, List<PolicyNode> items) implements PolicyNode {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String shape() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is exactly as written, {@code kind} is YAML's implicit type. */
    record ScalarNode(Origin origin, String text, ScalarKind kind) implements PolicyNode {
        @Override
        public String shape() {
            return kind == ScalarKind.NULL ? "empty" : "\"" + text + "\"";
        }
    }

    enum ScalarKind { TEXT, INTEGER, DECIMAL, BOOLEAN, NULL }
}
