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

    static void apply(JsonNode body, Set<String> select) {
        if (select == null || body == null || !body.isObject() || select.contains("*")) {
            return;
        }
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
            boolean keep = select.stream().anyMatch(s -> s.equalsIgnoreCase(name));
            if (!keep) {
                drop.add(name);
            }
        }
        entity.remove(drop);
    }
}
