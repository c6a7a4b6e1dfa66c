package org.ward.connector.inventory;

import java.util.List;

/**
 * One page of a library's list-item delta, in Ward's terms.
 *
 * @param changed list items created or changed, with the fields Ward asked for
 * @param removed ids of list items deleted
 * @param nextLink where the round continues, or null on its last page
 * @param deltaLink where the next round starts, present on the last page only
 */
public record ListFieldsPage(List<ListFields> changed, List<String> removed, String nextLink, String deltaLink) {

    public ListFieldsPage {
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public boolean last() {
        return nextLink == null;
    }
}
