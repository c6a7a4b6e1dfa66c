package org.ward.simulator.lists;

import java.util.Set;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.SharePointGuid;
import org.ward.simulator.tenant.Site;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.node.ObjectNode;

/**
 * A document library's item as a {@code listItem} in Graph's v1.0 shape (listitem-delta's examples): id (the list item
 * id), eTag, dates, webUrl, createdBy/lastModifiedBy, parentReference, contentType, and {@code fields} when expanded; a
 * deleted item is its id, its site and the {@code deleted} facet.
 */
final class ListItemJson {

    private ListItemJson() {
    }

    static ObjectNode render(Tenant tenant, Site site, Drive drive, Item item, GraphCall call) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(item.listItemId()));
        if (item.deleted) {
            node.putObject("parentReference").put("siteId", site.id);
            contentType(node, item);
            node.putObject("deleted").put("state", "deleted");
            return node;
        }
        node.put("eTag", "\"{" + SharePointGuid.of(item.id) + "}," + item.version + "\"");
        Json.putDate(node, "createdDateTime", item.createdDateTime);
        Json.putDate(node, "lastModifiedDateTime", item.lastModifiedDateTime);
        node.put("webUrl", drive.webUrlOf(item));
        identity(tenant, node, "createdBy", item.createdById);
        identity(tenant, node, "lastModifiedBy", item.lastModifiedById);
        ObjectNode parent = node.putObject("parentReference");
        Item parentItem = item.parentId == null ? null : drive.item(item.parentId);
        if (parentItem != null && !parentItem.id.equals(drive.rootId)) {
            parent.put("id", String.valueOf(parentItem.listItemId()));
        }
        parent.put("siteId", site.id);
        contentType(node, item);
        if (call.odata().selects("sharepointIds")) {
            ObjectNode ids = node.putObject("sharepointIds");
            ids.put("listId", SharePointGuid.listIdOf(drive));
            ids.put("listItemId", String.valueOf(item.listItemId()));
            ids.put("listItemUniqueId", SharePointGuid.of(item.id).toLowerCase(java.util.Locale.ROOT));
            ids.put("siteId", site.siteCollectionId);
            ids.put("siteUrl", site.webUrl);
            ids.put("webId", site.webId);
            ids.put("tenantId", tenant.id);
        }
        var fields = call.odata().expansion("fields");
        if (fields != null) {
            Set<String> select = ListFields.selected(fields.options());
            node.set("fields", ListFields.render(tenant, drive, item, select));
        }
        return node;
    }

    private static void contentType(ObjectNode node, Item item) {
        ObjectNode type = node.putObject("contentType");
        // SharePoint's built-in content type ids: Document 0x0101, Folder 0x0120 (each library derives its own).
        type.put("id", item.folder ? "0x0120" : "0x0101");
        type.put("name", item.folder ? "Folder" : "Document");
    }

    private static void identity(Tenant tenant, ObjectNode node, String field, String userId) {
        User user = userId == null ? null : tenant.user(userId);
        if (user == null) {
            return;
        }
        ObjectNode u = node.putObject(field).putObject("user");
        u.put("id", user.id());
        u.put("displayName", user.displayName());
        u.put("email", user.mail());
    }
}
