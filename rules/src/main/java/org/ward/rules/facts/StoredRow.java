package org.ward.rules.facts;

import java.util.List;

/**
 * A stored item as checks read it.
 *
 * @param item the item (masked name and path)
 * @param recording whether it was classified as a patient recording
 * @param kind the recording kind
 * @param score the classifier's score
 * @param reasons the classifier's reasons
 * @param identifiers identifiers found: type, masked value, fingerprint
 */
public record StoredRow(ItemRecord item, boolean recording, String kind, int score, List<String> reasons,
        List<StoredIdentifier> identifiers) {
}
