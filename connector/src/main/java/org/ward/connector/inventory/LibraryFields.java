package org.ward.connector.inventory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one round of a library's list-item delta said: the retention label and columns of each list item that carries
 * either, which items the round reported at all, and where the next round starts. A full round (from no cursor) is
 * the whole library, so an item it did not report carries neither; an incremental round reports only what changed.
 * Only items with a label or a column value are kept, so memory grows with what is labelled, not with the library.
 */
public final class LibraryFields {

    private static final ListFields NONE = new ListFields(null, null, Map.of());

    private final LibraryList library;
    private final boolean full;
    private final Map<String, ListFields> carrying = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private String deltaLink;

    public LibraryFields(LibraryList library, boolean full) {
        this.library = library;
        this.full = full;
    }

    public LibraryList library() {
        return library;
    }

    /** The round enumerated the whole library. */
    public boolean full() {
        return full;
    }

    /** Adds a page of the round. */
    public void add(ListFieldsPage page) {
        for (ListFields fields : page.changed()) {
            if (!full) {
                reported.add(fields.listItemId());
            }
            if (fields.empty()) {
                carrying.remove(fields.listItemId());
            } else {
                carrying.put(fields.listItemId(), fields);
            }
        }
        for (String removed : page.removed()) {
            carrying.remove(removed);
            if (!full) {
                reported.add(removed);
            }
        }
        if (page.last()) {
            deltaLink = page.deltaLink();
        }
    }

    /**
     * The label and columns of a list item, or null when this round cannot say: an incremental round that did not
     * report the item (it did not change since the last round).
     */
    public ListFields of(String listItemId) {
        ListFields fields = carrying.get(listItemId);
        if (fields != null) {
            return fields;
        }
        return full || reported.contains(listItemId) ? NONE : null;
    }

    /** The round's deltaLink, where the next round starts (null until the last page was added). */
    public String deltaLink() {
        return deltaLink;
    }
}
