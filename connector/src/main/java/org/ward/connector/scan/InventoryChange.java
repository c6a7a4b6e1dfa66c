package org.ward.connector.scan;

import org.ward.connector.discovery.DriveCursors;
import org.ward.connector.inventory.StoredItem;

/** What the inventory writer does with one processed delta entry. */
sealed interface InventoryChange {

    /**
     * Keep (insert or replace) an item; {@code sharingChanged} when delta reported a change to its sharing,
     * {@code shared} its facet under hierarchical sharing (null when it has none: it inherits).
     */
    record Keep(StoredItem item, boolean sharingChanged, String shared) implements InventoryChange {

        Keep(StoredItem item, boolean sharingChanged) {
            this(item, sharingChanged, null);
        }
    }

    /** Replace an item read again outside delta; what Ward knows of its sharing stays as stored. */
    record Refresh(StoredItem item) implements InventoryChange {
    }

    /**
     * Keep an item's stored state as it is (its delta entry could not be read) and say so.
     *
     * @param itemId the item, or null when its entry gave no id
     * @param reason which field was malformed and what it should have been
     */
    record Unread(String itemId, String reason) implements InventoryChange {
    }

    /**
     * Keep a file's stored record and classification (delta delivered it as stored, its list item unchanged) and update
     * only what Ward knows of its sharing, as for {@link Keep}.
     */
    record KeepStored(String itemId, boolean sharingChanged, String shared) implements InventoryChange {
    }

    /** Forget an item Graph reported deleted. */
    record Forget(String itemId) implements InventoryChange {
    }

    /**
     * Commit the round's cursor (and the library's list-item cursor, when the round read it); after a full
     * enumeration, forget what it did not see; when the round delivered the drive's root, read the library's own
     * permissions again.
     */
    record Commit(String deltaLink, boolean fullEnumeration, DriveCursors.ListCursor listCursor, boolean rootSeen)
            implements InventoryChange {

        Commit(String deltaLink, boolean fullEnumeration) {
            this(deltaLink, fullEnumeration, null, false);
        }
    }
}
