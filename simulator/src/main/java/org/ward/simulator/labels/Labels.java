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
import org.ward.simulator.tenant.RetentionLabelDefinition;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.TenantChanges;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Labels on items: read, set and remove an item's retention label (by name, as Graph does), lock or unlock a record,
 * and read a labelable file's sensitivity labels with {@code extractSensitivityLabels} (Office and PDF files only).
 * Records follow Microsoft's rules (driveitem-setretentionlabel.md, driveitem-removeretentionlabel.md,
 * driveitem-lockorunlockrecord.md): labels that make an item a record need Sites.FullControl.All, a record label
 * cannot be removed app-only, and a locked or regulatory record keeps its label.
 */
public final class Labels implements ResourceFamily {

    static final RouteAccess READ_RETENTION = RouteAccess.sharePoint("Files.Read.All", "Sites.Read.All",
            "Files.ReadWrite.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All");
    /** setRetentionLabel lists Files.Read.All as least privileged (sic) and Files.ReadWrite.All, Sites.ReadWrite.All. */
    static final RouteAccess WRITE_RETENTION = RouteAccess.sharePoint("Files.Read.All", "Files.ReadWrite.All",
            "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All");
    /** removeRetentionLabel: Files.ReadWrite.All least privileged, Sites.ReadWrite.All higher. */
    static final RouteAccess REMOVE_RETENTION = RouteAccess.sharePoint("Files.ReadWrite.All", "Sites.ReadWrite.All",
            "Sites.Manage.All", "Sites.FullControl.All");
    /** "Sites.FullControl.All is the least privileged permission required to change retention labels that classify the
     * content as records." */
    static final String RECORDS_PERMISSION = "Sites.FullControl.All";
    private static final String BASE = "/drives/{driveId}/items/{itemId}";

    private final Tenant tenant;
    private final TenantChanges changes;
    private final SensitivityLabelling labelling;

    public Labels(Tenant tenant, TenantChanges changes, SensitivityLabelling labelling) {
        this.tenant = tenant;
        this.changes = changes;
        this.labelling = labelling;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", BASE + "/retentionLabel", READ_RETENTION, ChargeRule.sharePoint(1), this::getRetention)
                .returns("itemRetentionLabel"));
        routes.add(Route.of("PATCH", BASE + "/retentionLabel", WRITE_RETENTION, ChargeRule.sharePoint(2), this::setRetention)
                .returns("itemRetentionLabel"));
        routes.add(Route.of("DELETE", BASE + "/retentionLabel", REMOVE_RETENTION, ChargeRule.sharePoint(2), this::removeRetention));
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

    private ObjectNode rendered(GraphCall call, Item item) {
        ObjectNode node = RetentionLabelJson.render(tenant, item);
        node.put("@odata.context", call.request().serviceRoot() + "/$metadata#drives('" + call.param("driveId")
                + "')/items('" + call.param("itemId") + "')/retentionLabel/$entity");
        return node;
    }

    private GraphResponse getRetention(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> rendered(call, item(call))));
    }

    private GraphResponse setRetention(GraphCall call) {
        JsonNode body = call.jsonBody();
        String name = body.path("name").asString(null);
        JsonNode lock = body.path("retentionSettings").path("isRecordLocked");
        if ((name == null || name.isBlank()) && lock.isBoolean()) {
            return lockOrUnlock(call, lock.asBoolean());
        }
        if (name == null || name.isBlank()) {
            throw GraphException.invalidRequest("The retention label name is required.");
        }
        boolean fullControl = call.caller().roles().contains(RECORDS_PERMISSION);
        return tenant.write(() -> {
            Item item = item(call);
            RetentionLabelDefinition label = tenant.retentionLabel(name);
            if (label == null) {
                throw GraphException.invalidRequest("The retention label '" + name + "' does not exist in this tenant.");
            }
            if (item.retentionLabel != null && item.retentionLabel.name().equals(name) && item.retentionLabel.explicit()) {
                return GraphResponse.ok(rendered(call, item));
            }
            keepsItsLabelIfFrozen(item, "changed");
            if ((label.record() || (item.retentionLabel != null && item.retentionLabel.record())) && !fullControl) {
                throw new GraphException(403, "accessDenied", "Access denied. Changing a retention label that classifies"
                        + " content as a record requires Sites.FullControl.All.");
            }
            boolean first = changes.setRetentionLabel(item.driveId, item.id, label.applied(tenant.now(), null, true));
            if (item.folder) {
                tagContents(item, label);
            }
            ObjectNode answer = rendered(call, item);
            return first ? GraphResponse.created(answer) : GraphResponse.ok(answer);
        });
    }

    /** "When a retention label is applied to a folder, all the items in the folder are tagged with the same label." */
    private void tagContents(Item folder, RetentionLabelDefinition label) {
        Drive drive = tenant.drive(folder.driveId);
        for (Item inside : drive.descendants(folder)) {
            Item.RetentionLabel current = inside.retentionLabel;
            if (current == null || (!current.explicit() && !current.record())) {
                changes.setRetentionLabel(drive.id, inside.id, label.applied(tenant.now(), null, false));
            }
        }
    }

    /**
     * A locked record or a regulatory record keeps its label. Microsoft documents no error body for this; the simulator
     * answers 423 Locked, as SharePoint does for other operations on locked content.
     */
    private static void keepsItsLabelIfFrozen(Item item, String what) {
        Item.RetentionLabel current = item.retentionLabel;
        if (current == null || !current.record()) {
            return;
        }
        if ("retainAsRegulatoryRecord".equals(current.behaviour())) {
            throw new GraphException(423, "notAllowed", "The item is a regulatory record: its retention label can't be "
                    + what + ".");
        }
        if (current.recordLocked()) {
            throw new GraphException(423, "notAllowed", "The item is a locked record: its retention label can't be "
                    + what + " until the record is unlocked.");
        }
    }

    private GraphResponse lockOrUnlock(GraphCall call, boolean locked) {
        return tenant.write(() -> {
            Item item = item(call);
            Item.RetentionLabel current = item.retentionLabel;
            if (current == null || !current.record()) {
                throw GraphException.invalidRequest("The item's retention label does not classify it as a record.");
            }
            if ("retainAsRegulatoryRecord".equals(current.behaviour()) && !locked) {
                throw new GraphException(423, "notAllowed", "The item is a regulatory record: it can't be unlocked.");
            }
            changes.lockRecord(item.driveId, item.id, locked);
            return GraphResponse.ok(rendered(call, item));
        });
    }

    private GraphResponse removeRetention(GraphCall call) {
        tenant.write(() -> {
            Item item = item(call);
            if (item.retentionLabel != null && item.retentionLabel.record()) {
                // driveitem-removeretentionlabel.md, verbatim.
                throw new GraphException(403, "accessDenied", "The removal of a Record retention label isn't supported"
                        + " when using app-only authentication. This operation requires a delegated user context.");
            }
            changes.removeRetentionLabel(item.driveId, item.id);
        });
        return GraphResponse.noContent();
    }

    /**
     * The SDK's shape (labels at the top level), which Ward reads; Microsoft's example wraps it in {@code value}.
     * Each label carries how it was applied.
     */
    private GraphResponse extract(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Item item = item(call);
            String encryption = labelling.encryption(item.driveId, item.id);
            if (encryption != null) {
                throw new GraphException(423, encryption, "The file is encrypted in a way that prevents this operation.");
            }
            if (item.folder || !MimeTypes.labelable(item.name)) {
                throw new GraphException(415, "UnsupportedMediaType", "The file type is not supported for this operation.");
            }
            ObjectNode result = Json.object();
            result.put("@odata.context", call.request().serviceRoot() + "/$metadata#microsoft.graph.extractSensitivityLabelsResult");
            var labels = result.putArray("labels");
            if (item.sensitivityLabelId != null) {
                ObjectNode label = labels.addObject();
                label.put("sensitivityLabelId", item.sensitivityLabelId);
                label.put("assignmentMethod", item.sensitivityLabelAssignmentMethod);
                label.put("tenantId", tenant.id);
            }
            return result;
        }));
    }
}
