package org.ward.connector.inventory;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.inventory.*}: how the inventory reads what delta over a drive cannot carry.
 *
 * @param listItemDelta {@code auto} (read retention labels and metadata columns with one list-item delta per library,
 *     except in the national clouds whose Graph does not serve it: {@code usgov}, {@code dod}, {@code china}),
 *     {@code on}, or {@code off} (read them item by item, one resource unit each, for the files that may be
 *     recordings)
 * @param extraColumns metadata columns to read besides those the policy pack names (internal or display names)
 */
@ConfigurationProperties("ward.inventory")
public record InventorySettings(@DefaultValue("auto") String listItemDelta, @DefaultValue({}) List<String> extraColumns) {

    public InventorySettings {
        if (!List.of("auto", "on", "off").contains(listItemDelta)) {
            throw new IllegalArgumentException("ward.inventory.list-item-delta is '" + listItemDelta
                    + "': set it to auto, on or off.");
        }
        extraColumns = extraColumns == null ? List.of() : List.copyOf(extraColumns);
    }
}
