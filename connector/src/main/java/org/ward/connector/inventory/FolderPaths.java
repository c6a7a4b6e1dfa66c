package org.ward.connector.inventory;

import java.util.HashMap;
import java.util.Map;

/**
 * Folder paths of one drive, built from parent ids as delta delivers folders (Graph's delta never returns
 * parentReference.path). Seeded from the store for incremental rounds, so a file added to an old folder gets
 * its full path. Folder names are kept masked, so paths never carry an identifier in clear text.
 */
public final class FolderPaths {

    private final Map<String, String> pathById = new HashMap<>();

    public FolderPaths(Map<String, String> known) {
        pathById.putAll(known);
    }

    /** Records a folder (or the drive root, with a null parent) and returns its path. */
    public String addFolder(String id, String parentId, String maskedName) {
        String path = pathOf(parentId, maskedName);
        pathById.put(id, path);
        return path;
    }

    /** The path of an item with the given parent and (masked) name; an unknown parent counts as the root. */
    public String pathOf(String parentId, String maskedName) {
        String parent = parentId == null ? null : pathById.get(parentId);
        if (parent == null) {
            return "/" + maskedName;
        }
        return (parent.equals("/") ? "" : parent) + "/" + maskedName;
    }

    public boolean knows(String parentId) {
        return parentId != null && pathById.containsKey(parentId);
    }

    /** The drive root has path "/". */
    public void root(String rootId) {
        pathById.put(rootId, "/");
    }

    public int size() {
        return pathById.size();
    }
}
