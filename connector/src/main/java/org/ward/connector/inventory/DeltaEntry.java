package org.ward.connector.inventory;

import org.ward.connector.discovery.DriveCursors;
import org.ward.rules.facts.ItemRecord;

/** One entry of a drive's delta as the inventory step processes it. */
public sealed interface DeltaEntry {

    /**
     * An item created or changed (path not yet resolved).
     *
     * @param listItemId the item's list item id when Ward reads its label and columns through the library's list
     *     (files that may be recordings), else null
     */
    record Changed(ItemRecord item, boolean sharingChanged, String listItemId) implements DeltaEntry {

        public Changed(ItemRecord item, boolean sharingChanged) {
            this(item, sharingChanged, null);
        }
    }

    /**
     * An item delta listed whose entry had a malformed value: Ward keeps its last stored state and says it could not
     * read it.
     *
     * @param itemId its id, or null when the entry did not give one before the malformed value
     * @param reason which field was malformed and what it should have been
     */
    record Unreadable(String itemId, String reason) implements DeltaEntry {
    }

    /** An item deleted or out of view. */
    record Removed(String itemId) implements DeltaEntry {
    }

    /**
     * The end of a delta round: the cursors to keep for the next scan.
     *
     * @param deltaLink Graph's deltaLink
     * @param fullEnumeration the round enumerated the whole drive, so items it did not see are gone
     * @param listCursor where the library's list-item delta continues, or null when this round did not read it (the
     *     stored one stays)
     */
    record RoundEnd(String deltaLink, boolean fullEnumeration, DriveCursors.ListCursor listCursor) implements DeltaEntry {

        public RoundEnd(String deltaLink, boolean fullEnumeration) {
            this(deltaLink, fullEnumeration, null);
        }
    }
}
