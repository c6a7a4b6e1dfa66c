package org.ward.simulator.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies {@code $select}: entities keep only the selected properties (and OData annotations). Applies to a single
 * entity or to each entity of a collection's {@code value}.
 */
final class Selection {

    private Selection() {
    }

    /**
     * @param expanded the navigation properties asked for with {@code $expand}: Graph returns them whatever
     *     {@code $select} says
     */
    static void apply(JsonNode body, Set<String> select, Set<String> expanded) {
        if (select == null || body == null || !body.isObject() || select.contains("*")) {
            return;
        }
        Set<String> keep = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        keep.addAll(select);
        keep.addAll(expanded);
        select = keep;
        JsonNode value = body.get("value");
        if (value != null && value.isArray()) {
            for (JsonNode entity : value) {
                if (entity.isObject()) {
                    retain((ObjectNode) entity, select);
                }
            }
        } else {
            retain((ObjectNode) body, select);
        }
    }

    private static void retain(ObjectNode entity, Set<String> select) {
        List<String> drop = new ArrayList<>();
        for (String name : entity.propertyNames()) {
            if (name.startsWith("@") || name.contains("@odata.")) {
                continue;
            }
            if (!select.contains(name)) {
                drop.add(name);
            }
        }
        entity.remove(drop);
    }
}
