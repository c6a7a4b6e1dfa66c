package org.ward.connector.sharing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ward.connector.inventory.ItemStore;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.sharing.AccessGrant;

/**
 * Who can reach each item of one drive, from the permission lists Ward read: an item's own list when Ward read it,
 * else the list of the permission root it inherits from, every entry of which then applies to it as inherited from
 * that root. Graph's list for an item is its effective permissions ("List the effective sharing permissions on a
 * driveItem", driveitem-list-permissions), so a root's list, read once, gives the access of everything that inherits
 * from it. Holds one drive at a time: its folders, its lists, and each list as it applies below its root.
 */
public final class EffectiveAccess {

    private final AccessTree tree;
    private final Map<String, List<AccessGrant>> lists;
    private final Map<String, List<AccessGrant>> below = new HashMap<>();

    /**
     * @param roots the drive's permission roots delta marked: an item below one whose list Ward could not read is not
     *     evaluated, rather than given the access of a root further up
     */
    EffectiveAccess(Map<String, String> folderParents, Map<String, List<AccessGrant>> lists, java.util.Set<String> roots) {
        java.util.Set<String> subjects = new java.util.HashSet<>(lists.keySet());
        subjects.addAll(roots);
        this.tree = new AccessTree(folderParents, subjects);
        this.lists = lists;
    }

    /** The drive's access as last read. */
    public static EffectiveAccess of(String driveId, ItemStore items, AccessStore access) {
        return new EffectiveAccess(items.folderParents(driveId), access.lists(driveId), access.roots(driveId).keySet());
    }

    /** The item whose permission list applies to this one (itself, a folder above it or {@link AccessGrant#ROOT}). */
    public String sourceOf(ItemRecord item) {
        return tree.sourceOf(item.itemId(), item.parentId());
    }

    /** The permissions that apply to the item, as Graph would list them for it; null when Ward read none that apply. */
    public List<AccessGrant> grantsOf(ItemRecord item) {
        String source = sourceOf(item);
        List<AccessGrant> own = lists.get(source);
        if (own == null || source.equals(item.itemId())) {
            return own;
        }
        return below.computeIfAbsent(source, s -> own.stream().map(g -> g.inheritedThrough(s)).toList());
    }
}
