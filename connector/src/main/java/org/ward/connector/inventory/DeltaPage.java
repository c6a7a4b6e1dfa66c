package org.ward.connector.inventory;

import java.util.List;
import java.util.Map;

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
 * @param listItemIds each item's list item id ({@code sharepointIds.listItemId}) by item id, where Graph gave one
 * @param library the library as a SharePoint list (from the items' {@code sharepointIds}), null when the page gave none
 * @param shared the {@code shared} facet of the items that carry one, by id: its scope, or "" for an empty facet (with
 *     {@code Prefer: hierarchicalsharing}, the roots of permission hierarchies, an empty facet for one that is unique
 *     but not shared)
 * @param unreadable items of the page whose entry had a malformed value: left out, the rest of the page kept
 */
public record DeltaPage(List<ItemRecord> items, List<String> removed, List<String> sharingChanged, String nextLink,
        String deltaLink, String rootId, Map<String, String> listItemIds, LibraryList library,
        Map<String, String> shared, List<Unreadable> unreadable) {

    public DeltaPage {
        items = List.copyOf(items);
        removed = List.copyOf(removed);
        sharingChanged = List.copyOf(sharingChanged);
        listItemIds = Map.copyOf(listItemIds);
        shared = shared == null ? Map.of() : Map.copyOf(shared);
        unreadable = List.copyOf(unreadable);
    }

    /**
     * An item of the page Ward could not read.
     *
     * @param itemId its id when the entry gave one before the malformed value, else null
     * @param reason what was malformed, without the value (it may be a file name)
     */
    public record Unreadable(String itemId, String reason) {
    }

    /**
     * One item read on its own.
     *
     * @param item the item, path not yet resolved
     * @param listItemId its list item id, null when Graph gave none
     */
    public record Single(ItemRecord item, String listItemId) {
    }

    public boolean last() {
        return nextLink == null;
    }
}
