package org.ward.simulator.drives;

import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.node.ObjectNode;

/** An item's {@code itemRetentionLabel} in Graph's shape. */
public final class RetentionLabelJson {

    private RetentionLabelJson() {
    }

    public static ObjectNode render(Tenant tenant, Item item) {
        ObjectNode node = Json.object();
        Item.RetentionLabel label = item.retentionLabel;
        if (label == null) {
            node.putNull("name");
            return node;
        }
        node.put("name", label.name());
        ObjectNode settings = node.putObject("retentionSettings");
        String behaviour = label.behaviour() == null ? "retain" : label.behaviour();
        settings.put("behaviorDuringRetentionPeriod", behaviour);
        // Purview's table of what records allow: an unlocked record can still be edited and relabelled, a locked or
        // regulatory record cannot; neither can be deleted.
        boolean frozen = label.record() && label.recordLocked();
        settings.put("isDeleteAllowed", !label.record() && !"retain".equals(behaviour));
        settings.put("isRecordLocked", label.recordLocked());
        settings.put("isMetadataUpdateAllowed", !frozen);
        settings.put("isContentUpdateAllowed", !frozen);
        settings.put("isLabelUpdateAllowed", !frozen);
        node.put("isLabelAppliedExplicitly", label.explicit());
        Json.putDate(node, "labelAppliedDateTime", label.appliedDateTime());
        User by = label.appliedById() == null ? null : tenant.user(label.appliedById());
        if (by != null) {
            ObjectNode user = node.putObject("labelAppliedBy").putObject("user");
            user.put("id", by.id());
            user.put("displayName", by.displayName());
        }
        return node;
    }
}
