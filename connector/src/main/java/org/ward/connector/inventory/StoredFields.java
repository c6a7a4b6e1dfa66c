package org.ward.connector.inventory;

/**
 * The retention label and metadata columns Ward holds for a file whose list item it tracks.
 *
 * @param itemId the driveItem's id
 * @param listItemId its list item's id
 * @param retentionLabel the stored label, null when none
 * @param columnsJson the stored columns (masked) as JSON, null when none
 */
public record StoredFields(String itemId, String listItemId, String retentionLabel, String columnsJson) {
}
