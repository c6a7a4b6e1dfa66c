package org.ward.rules.classify;

import java.util.List;

import org.ward.rules.classify.ItemTexts.Source;
import org.ward.rules.facts.ItemRecord;

/**
 * An item with its location and its texts already split into words: built once per classification, so that
 * every signal and every identifier reads the same prepared texts.
 *
 * @param item the item
 * @param location where it sits (may be null when unknown)
 * @param context file name, folder path, site name, site path and library
 * @param columns one source per metadata column
 */
record ItemFacts(ItemRecord item, LocationContext location, List<Source> context, List<Source> columns) {

    static ItemFacts of(ItemRecord item, LocationContext location) {
        return new ItemFacts(item, location, ItemTexts.context(item, location), ItemTexts.columns(item));
    }
}
