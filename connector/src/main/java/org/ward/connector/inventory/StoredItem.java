package org.ward.connector.inventory;

import org.ward.connector.classify.RecordingClassification;

/**
 * An item as Ward keeps it: the item with its name and path masked, and its classification.
 *
 * @param item the item; name and path carry no identifier in clear text
 * @param classification whether it is a patient recording, of what kind, and why
 */
public record StoredItem(ItemRecord item, RecordingClassification classification) {
}
