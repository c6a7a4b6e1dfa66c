package org.ward.connector.inventory;

import org.ward.rules.facts.ItemRecord;

/** One entry of a drive's delta as the inventory step processes it. */
public sealed interface DeltaEntry {

    /**
     * An item created or changed (path not yet resolved).
     *
     * @param sharingChanged delta annotated a change to its sharing
     * @param shared under hierarchical sharing, the item's {@code shared} facet (its scope, "" when empty): it is the
     *     root of a permission hierarchy; null when it has none (it inherits) or Ward did not ask
     */
    record Changed(ItemRecord item, boolean sharingChanged, String shared) implements DeltaEntry {

        public Changed(ItemRecord item, boolean sharingChanged) {
            this(item, sharingChanged, null);
        }
    }

    /** An item deleted or out of view. */
    record Removed(String itemId) implements DeltaEntry {
    }

    /**
     * The end of a delta round: the cursor to keep for the next scan.
     *
     * @param deltaLink Graph's deltaLink
     * @param fullEnumeration the round enumerated the whole drive, so items it did not see are gone
     * @param rootSeen the round delivered the drive's root: the library's own permissions may have changed
     */
    record RoundEnd(String deltaLink, boolean fullEnumeration, boolean rootSeen) implements DeltaEntry {

        public RoundEnd(String deltaLink, boolean fullEnumeration) {
            this(deltaLink, fullEnumeration, false);
        }
    }
}
