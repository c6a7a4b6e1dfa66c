package org.ward.rules.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ward.rules.policy.PolicyNode.ListNode;
import org.ward.rules.policy.PolicyNode.MapNode;
import org.ward.rules.policy.PolicyNode.ScalarNode;

/**
 * The lists whose entries have an {@code id}: an extension merges into them by id instead of replacing them,
 * and within one file an id may appear only once.
 */
final class KeyedLists {

    /** Dotted paths from the document root. */
    static final List<String> PATHS = List.of("rules", "recordings.kinds", "locations.approved");

    private KeyedLists() {
    }

    static boolean isKeyed(String path) {
        return PATHS.contains(path);
    }

    /** The entry's id when it is a map with a text id. */
    static Optional<String> idOf(PolicyNode entry) {
        if (entry instanceof MapNode map && map.entries().get("id") instanceof ScalarNode id
                && id.kind() != PolicyNode.ScalarKind.NULL) {
            return Optional.of(id.text());
        }
        return Optional.empty();
    }

    /** Reports every id used twice in one file's keyed lists. */
    static void checkDuplicates(MapNode root, Problems problems) {
        for (String path : PATHS) {
            find(root, path).ifPresent(list -> {
                Map<String, PolicyNode> seen = new HashMap<>();
                for (PolicyNode entry : list.items()) {
                    idOf(entry).ifPresent(id -> {
                        PolicyNode first = seen.putIfAbsent(id, entry);
                        if (first != null) {
                            Origin idOrigin = ((MapNode) entry).entries().get("id").origin();
                            problems.add(idOrigin, "\"" + id + "\" is already used by " + first.origin().path()
                                    + " on line " + first.origin().line());
                        }
                    });
                }
            });
        }
    }

    private static Optional<ListNode> find(MapNode root, String path) {
        PolicyNode node = root;
        for (String part : path.split("\\.")) {
            if (!(node instanceof MapNode map)) {
                return Optional.empty();
            }
            node = map.entries().get(part);
        }
        return node instanceof ListNode list ? Optional.of(list) : Optional.empty();
    }
}
