package org.ward.connector.inventory;

import org.ward.rules.classify.RecordingClassification;
import org.ward.rules.facts.ItemRecord;

/**
 * An item as Ward keeps it: the item with its name and path masked, and its classification.
 *
 * @param item the item; name and path carry no identifier in clear text
 * @param classification whether it is a patient recording, of what kind, and why
 * @param listItemId the item's list item id when Ward reads its label and columns through its library's list (files
 *     that may be recordings), else null
 */
public record StoredItem(ItemRecord item, RecordingClassification classification, String listItemId) {

    public StoredItem(ItemRecord item, RecordingClassification classification) {
        this(item, classification, null);
    }
}
