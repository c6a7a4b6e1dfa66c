package org.ward.connector.inventory;

import java.util.Map;

/**
 * What a library's list item carries that delta over the drive cannot: its retention label and metadata columns.
 *
 * @param listItemId the list item's id (the driveItem's {@code sharepointIds.listItemId})
 * @param retentionLabel the retention label's name ({@code _ComplianceTag}), null when it carries none
 * @param columns the metadata columns Ward asked for that hold a value, by name
 */
public record ListFields(String listItemId, String retentionLabel, Map<String, String> columns) {

    public ListFields {
        columns = Map.copyOf(columns);
    }

    /** Neither a label nor a column value: what an item Ward has no fields for carries. */
    public boolean empty() {
        return retentionLabel == null && columns.isEmpty();
    }
}
