package org.ward.simulator.labels;

import org.ward.simulator.drives.Drives;
import org.ward.simulator.drives.RetentionLabelJson;
import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.MimeTypes;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.TenantChanges;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Labels on items: read, set and remove an item's retention label (by name, as Graph does), and read a labelable
 * file's sensitivity labels with {@code extractSensitivityLabels} (Office and PDF files only).
 */
public final class Labels implements ResourceFamily {

    static final RouteAccess READ_RETENTION = RouteAccess.sharePoint("Files.Read.All", "Sites.Read.All",
            "Files.ReadWrite.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All");
    static final RouteAccess WRITE_RETENTION = RouteAccess.sharePoint("Files.Read.All", "Files.ReadWrite.All",
            "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All");
    private static final String BASE = "/drives/{driveId}/items/{itemId}";

    private final Tenant tenant;
    private final TenantChanges changes;

    public Labels(Tenant tenant, TenantChanges changes) {
        this.tenant = tenant;
        this.changes = changes;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", BASE + "/retentionLabel", READ_RETENTION, ChargeRule.sharePoint(1), this::getRetention)
                .returns("itemRetentionLabel"));
        routes.add(Route.of("PATCH", BASE + "/retentionLabel", WRITE_RETENTION, ChargeRule.sharePoint(2), this::setRetention)
                .returns("itemRetentionLabel"));
        routes.add(Route.of("DELETE", BASE + "/retentionLabel", WRITE_RETENTION, ChargeRule.sharePoint(2), this::removeRetention));
        routes.add(Route.of("POST", BASE + "/extractSensitivityLabels", Drives.READ, ChargeRule.sharePoint(1), this::extract)
                .returns("extractSensitivityLabelsResult"));
    }

    private Item item(GraphCall call) {
        Drive drive = tenant.drive(call.param("driveId"));
        Item item = drive == null ? null : drive.item(call.param("itemId"));
        if (item == null) {
            throw GraphException.itemNotFound("The resource could not be found.");
        }
        return item;
    }

    private GraphResponse getRetention(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            ObjectNode node = RetentionLabelJson.render(tenant, item(call));
            node.put("@odata.context", call.request().serviceRoot() + "/$metadata#drives('" + call.param("driveId")
                    + "')/items('" + call.param("itemId") + "')/retentionLabel/$entity");
            return node;
        }));
    }

    private GraphResponse setRetention(GraphCall call) {
        JsonNode body;
        try {
            body = Json.parse(call.request().body());
        } catch (RuntimeException e) {
            throw GraphException.badRequest("Unable to read JSON request payload.");
        }
        String name = body.path("name").asString(null);
        if (name == null || name.isBlank()) {
            throw GraphException.invalidRequest("The retention label name is required.");
        }
        return tenant.write(() -> {
            Item item = item(call);
            if (!tenant.retentionLabels().contains(name)) {
                throw GraphException.invalidRequest("The retention label '" + name + "' does not exist in this tenant.");
            }
            boolean first = changes.setRetentionLabel(item.driveId, item.id, name, null, "retain");
            ObjectNode rendered = RetentionLabelJson.render(tenant, item);
            return first ? GraphResponse.created(rendered) : GraphResponse.ok(rendered);
        });
    }

    private GraphResponse removeRetention(GraphCall call) {
        tenant.write(() -> {
            Item item = item(call);
            changes.removeRetentionLabel(item.driveId, item.id);
        });
        return GraphResponse.noContent();
    }

    private GraphResponse extract(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Item item = item(call);
            if (item.folder || !MimeTypes.labelable(item.name)) {
                throw new GraphException(415, "UnsupportedMediaType", "The file type is not supported for this operation.");
            }
            ObjectNode result = Json.object();
            result.put("@odata.context", call.request().serviceRoot() + "/$metadata#microsoft.graph.extractSensitivityLabelsResult");
            var labels = result.putArray("labels");
            if (item.sensitivityLabelId != null) {
                ObjectNode label = labels.addObject();
                label.put("sensitivityLabelId", item.sensitivityLabelId);
                label.put("assignmentMethod", "standard");
                label.put("tenantId", tenant.id);
            }
            return result;
        }));
    }
}
