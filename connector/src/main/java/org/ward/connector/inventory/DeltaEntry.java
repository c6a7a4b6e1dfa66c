package org.ward.connector.inventory;

import org.ward.connector.discovery.DriveCursors;
import org.ward.rules.facts.ItemRecord;

/** One entry of a drive's delta as the inventory step processes it. */
public sealed interface DeltaEntry {

    /**
     * An item created or changed (path not yet resolved).
     *
     * @param sharingChanged delta annotated a change to its sharing
     * @param listItemId the item's list item id when Ward reads its label and columns through the library's list
     *     (files that may be recordings), else null
     * @param shared under hierarchical sharing, the item's {@code shared} facet (its scope, "" when empty): it is the
     *     root of a permission hierarchy; null when it has none (it inherits) or Ward did not ask
     */
    record Changed(ItemRecord item, boolean sharingChanged, String listItemId, String shared) implements DeltaEntry {

        public Changed(ItemRecord item, boolean sharingChanged) {
            this(item, sharingChanged, null, null);
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

    /**
     * A file read again by id because its list item (label or columns) changed while its driveItem did not; delta did
     * not deliver it, so what Ward knows of its sharing stays as stored.
     *
     * @param item the file, path not yet resolved, with the list's label and columns
     * @param listItemId its list item id
     */
    record Reread(ItemRecord item, String listItemId) implements DeltaEntry {
    }

    /**
     * A file delta delivered exactly as Ward stores it, whose list item (label, columns, name) did not change since the
     * stored list cursor: only what delta reports beside the item changed (its sharing). Its stored record and
     * classification stand; only its sharing marks are updated.
     *
     * @param itemId the file
     * @param sharingChanged delta annotated a change to its sharing
     * @param shared its {@code shared} facet under hierarchical sharing, else null
     */
    record Unchanged(String itemId, boolean sharingChanged, String shared) implements DeltaEntry {
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
     * @param rootSeen the round delivered the drive's root: the library's own permissions may have changed
     */
    record RoundEnd(String deltaLink, boolean fullEnumeration, DriveCursors.ListCursor listCursor, boolean rootSeen)
            implements DeltaEntry {

        public RoundEnd(String deltaLink, boolean fullEnumeration) {
            this(deltaLink, fullEnumeration, null, false);
        }
    }
}
