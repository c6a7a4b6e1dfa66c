package org.ward.connector.scan;

import org.ward.connector.discovery.DriveCursors;
import org.ward.connector.inventory.StoredItem;

/** What the inventory writer does with one processed delta entry. */
sealed interface InventoryChange {

    /** Keep (insert or replace) an item; {@code sharingChanged} when delta reported a change to its sharing. */
    record Keep(StoredItem item, boolean sharingChanged) implements InventoryChange {
    }

    /**
     * Keep an item's stored state as it is (its delta entry could not be read) and say so.
     *
     * @param itemId the item, or null when its entry gave no id
     * @param reason which field was malformed and what it should have been
     */
    record Unread(String itemId, String reason) implements InventoryChange {
    }

    /** Forget an item Graph reported deleted. */
    record Forget(String itemId) implements InventoryChange {
    }

    /**
     * Commit the round's cursor (and the library's list-item cursor, when the round read it); after a full
     * enumeration, forget what it did not see.
     */
    record Commit(String deltaLink, boolean fullEnumeration, DriveCursors.ListCursor listCursor) implements InventoryChange {
    }
}
