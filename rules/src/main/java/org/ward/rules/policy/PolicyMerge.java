package org.ward.rules.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ward.rules.policy.PolicyNode.ListNode;
import org.ward.rules.policy.PolicyNode.MapNode;

/**
 * Merges an extending file over the pack it extends: maps merge by key, keyed lists ({@link KeyedLists}) merge
 * their entries by id (new ids are appended), every other value — scalars and plain lists — is replaced.
 * Each node keeps its own origin, so later errors still point at the file that wrote the value.
 */
final class PolicyMerge {

    private PolicyMerge() {
    }

    static MapNode merge(MapNode base, MapNode top) {
        return mergeMaps(base, top, "");
    }

    private static MapNode mergeMaps(MapNode base, MapNode top, String path) {
        Map<String, PolicyNode> entries = new LinkedHashMap<>(base.entries());
        Map<String, Origin> keys = new LinkedHashMap<>(base.keys());
        top.entries().forEach((key, value) -> {
            PolicyNode old = entries.get(key);
            entries.put(key, old == null ? value : mergeValues(old, value, path.isEmpty() ? key : path + "." + key));
            keys.put(key, top.keys().get(key));
        });
        // A merged map is located where the overriding file writes it: that is the file a person will edit.
        return new MapNode(top.origin(), entries, keys);
    }

    private static PolicyNode mergeValues(PolicyNode base, PolicyNode top, String path) {
        if (base instanceof MapNode baseMap && top instanceof MapNode topMap) {
            return mergeMaps(baseMap, topMap, path);
        }
        if (base instanceof ListNode baseList && top instanceof ListNode topList && KeyedLists.isKeyed(path)) {
            return mergeById(baseList, topList, path);
        }
        return top;
    }

    private static ListNode mergeById(ListNode base, ListNode top, String path) {
        List<PolicyNode> items = new ArrayList<>(base.items());
        for (PolicyNode entry : top.items()) {
            Optional<String> id = KeyedLists.idOf(entry);
            int at = id.map(i -> indexOf(items, i)).orElse(-1);
            if (at >= 0 && items.get(at) instanceof MapNode baseEntry && entry instanceof MapNode topEntry) {
                // An entry merges like a map; lists inside it (signals, kinds) are replaced, not merged.
                items.set(at, mergeMaps(baseEntry, topEntry, path + "[]"));
            } else {
                items.add(entry);
            }
        }
        return new ListNode(top.origin(), items);
    }

    private static int indexOf(List<PolicyNode> items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (KeyedLists.idOf(items.get(i)).filter(id::equals).isPresent()) {
                return i;
            }
        }
        return -1;
    }
}
