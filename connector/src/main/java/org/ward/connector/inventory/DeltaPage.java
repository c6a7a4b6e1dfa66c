package org.ward.connector.inventory;

import java.util.List;

import org.ward.rules.facts.ItemRecord;

/**
 * One page of a drive's delta, in Ward's terms.
 *
 * @param items items created or changed, in their latest state; paths are not yet resolved (null)
 * @param removed ids of items deleted (or no longer visible)
 * @param sharingChanged ids of items Graph marked {@code @microsoft.graph.sharedChanged}
 * @param nextLink where the round continues, or null on its last page
 * @param deltaLink where the next round starts, present on the last page only
 * @param rootId the drive root's id when the page included the root, else null
 * @param shared the {@code shared} facet of the items that carry one, by id: its scope, or "" for an empty facet (with
 *     {@code Prefer: hierarchicalsharing}, the roots of permission hierarchies, an empty facet for one that is unique
 *     but not shared)
 */
public record DeltaPage(List<ItemRecord> items, List<String> removed, List<String> sharingChanged, String nextLink,
        String deltaLink, String rootId, java.util.Map<String, String> shared) {

    public DeltaPage {
        items = List.copyOf(items);
        removed = List.copyOf(removed);
        sharingChanged = List.copyOf(sharingChanged);
        shared = shared == null ? java.util.Map.of() : java.util.Map.copyOf(shared);
    }

    public DeltaPage(List<ItemRecord> items, List<String> removed, List<String> sharingChanged, String nextLink,
            String deltaLink, String rootId) {
        this(items, removed, sharingChanged, nextLink, deltaLink, rootId, null);
    }

    public boolean last() {
        return nextLink == null;
    }
}
