package org.ward.connector.sharing;

import java.util.Map;
import java.util.Set;

import org.ward.rules.sharing.AccessGrant;

/**
 * One drive's folder tree as far as permissions go: which item's permission list applies to an item. With
 * {@code Prefer: hierarchicalsharing}, delta marks the roots of permission hierarchies and "sharing information is
 * returned for the root of the permissions hierarchy" only (Microsoft, driveitem-delta, "Scanning permissions
 * hierarchies"); every other item has the permissions of its nearest root above it, or of the library's root.
 * Delta never returns {@code parentReference.path}, so the tree is walked by parent ids.
 */
public final class AccessTree {

    /** Deeper than SharePoint allows (400 characters of path): a loop in the parents, not a real tree. */
    private static final int MAX_DEPTH = 10_000;

    private final Map<String, String> folderParents;
    private final Set<String> subjects;

    /**
     * @param folderParents the drive's folders, each with its parent (the library's root is not among them)
     * @param subjects the items whose own permission list counts ({@link AccessGrant#ROOT} for the library's root)
     */
    public AccessTree(Map<String, String> folderParents, Set<String> subjects) {
        this.folderParents = folderParents;
        this.subjects = subjects;
    }

    /** The item whose permission list applies to this one: itself, the nearest folder above it, or the library's root. */
    public String sourceOf(String itemId, String parentId) {
        return subjects.contains(itemId) ? itemId : above(parentId);
    }

    /** The nearest subject at or above a folder; {@link AccessGrant#ROOT} when none is, or the folder is the root. */
    public String above(String folderId) {
        String current = folderId;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (subjects.contains(current)) {
                return current;
            }
            current = folderParents.get(current);
        }
        return AccessGrant.ROOT;
    }
}
