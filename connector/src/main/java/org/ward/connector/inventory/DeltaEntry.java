package org.ward.connector.inventory;

import org.ward.rules.facts.ItemRecord;

/** One entry of a drive's delta as the inventory step processes it. */
public sealed interface DeltaEntry {

    /** An item created or changed (path not yet resolved). */
    record Changed(ItemRecord item, boolean sharingChanged) implements DeltaEntry {
    }

    /** An item deleted or out of view. */
    record Removed(String itemId) implements DeltaEntry {
    }

    /**
     * The end of a delta round: the cursor to keep for the next scan.
     *
     * @param deltaLink Graph's deltaLink
     * @param fullEnumeration the round enumerated the whole drive, so items it did not see are gone
     */
    record RoundEnd(String deltaLink, boolean fullEnumeration) implements DeltaEntry {
    }
}
