package org.ward.simulator.drives;

import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Group;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.node.ObjectNode;

/** A drive in Graph's shape: type, owner (user or group), quota, URLs. */
final class DriveJson {

    private DriveJson() {
    }

    static ObjectNode render(Tenant tenant, Drive drive) {
        ObjectNode node = Json.object();
        node.put("id", drive.id);
        node.put("name", drive.name);
        node.put("description", drive.description == null ? "" : drive.description);
        node.put("driveType", drive.driveType);
        Json.putDate(node, "createdDateTime", drive.createdDateTime);
        Item root = drive.root();
        Json.putDate(node, "lastModifiedDateTime", root == null ? drive.createdDateTime : root.lastModifiedDateTime);
        node.put("webUrl", drive.webUrl);
        node.putObject("createdBy").putObject("user").put("displayName", "System Account");
        ObjectNode modifiedBy = node.putObject("lastModifiedBy").putObject("user");
        User modifier = lastModifier(tenant, drive);
        if (modifier == null) {
            modifiedBy.put("displayName", "System Account");
        } else {
            modifiedBy.put("email", modifier.mail());
            modifiedBy.put("id", modifier.id());
            modifiedBy.put("displayName", modifier.displayName());
        }
        ObjectNode owner = node.putObject("owner");
        if (drive.ownerUserId != null && tenant.user(drive.ownerUserId) != null) {
            User user = tenant.user(drive.ownerUserId);
            ObjectNode u = owner.putObject("user");
            u.put("id", user.id());
            u.put("displayName", user.displayName());
            u.put("email", user.mail());
        } else if (drive.ownerGroupId != null && tenant.group(drive.ownerGroupId) != null) {
            Group group = tenant.group(drive.ownerGroupId);
            // SharePoint names a group library's owner by the group, as the site's owners group.
            ObjectNode g = owner.putObject("group");
            g.put("email", group.mail);
            g.put("id", group.id);
            g.put("displayName", group.displayName + " Owners");
        } else {
            owner.putObject("user").put("displayName", "System Account");
        }
        long used = 0;
        for (Item item : drive.allItems()) {
            if (!item.deleted && !item.folder) {
                used += item.size;
            }
        }
        ObjectNode quota = node.putObject("quota");
        quota.put("deleted", 0);
        quota.put("remaining", 1_099_511_627_776L - used);
        quota.put("state", "normal");
        quota.put("total", 1_099_511_627_776L);
        quota.put("used", used);
        return node;
    }

    /** Whoever changed the drive's most recently modified item; a OneDrive's owner; otherwise nobody (null). */
    private static User lastModifier(Tenant tenant, Drive drive) {
        Item latest = null;
        for (Item item : drive.allItems()) {
            if (!item.deleted && item.lastModifiedById != null && (latest == null
                    || item.lastModifiedDateTime.isAfter(latest.lastModifiedDateTime))) {
                latest = item;
            }
        }
        String userId = latest != null ? latest.lastModifiedById : drive.ownerUserId;
        return userId == null ? null : tenant.user(userId);
    }
}
