package org.ward.simulator.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.SensitivityLabel;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sensitivity labels an app can reach: {@code assignSensitivityLabel} on a file (asynchronous, metered, global cloud
 * only, capped per tenant, Office and PDF only; driveitem-assignsensitivitylabel.md) and the tenant's label catalogue
 * with priorities ({@code /security/dataSecurityAndGovernance/sensitivityLabels},
 * tenantdatasecurityandgovernance-list-sensitivitylabels.md).
 */
public final class SensitivityLabels implements ResourceFamily {

    static final RouteAccess ASSIGN = RouteAccess.sharePoint("Files.ReadWrite.All", "Sites.ReadWrite.All",
            "Sites.FullControl.All");
    static final RouteAccess CATALOGUE = RouteAccess.sharePoint("SensitivityLabel.Read", "SensitivityLabels.Read.All");
    private static final String CATALOGUE_PATH = "/security/dataSecurityAndGovernance/sensitivityLabels";
    private static final Set<String> METHODS = Set.of("standard", "privileged", "auto");

    private final Tenant tenant;
    private final SensitivityLabelling labelling;

    public SensitivityLabels(Tenant tenant, SensitivityLabelling labelling) {
        this.tenant = tenant;
        this.labelling = labelling;
    }

    @Override
    public void register(Routes routes) {
        // In US Government L4, L5 and China these operations are not in Graph's metadata: the gateway answers as for
        // any segment it does not know, before the token's permissions are looked at.
        routes.rewrite(path -> {
            if (labelling.cloud().national() && (path.endsWith("/assignSensitivityLabel")
                    || path.toLowerCase(java.util.Locale.ROOT).startsWith(CATALOGUE_PATH.toLowerCase(java.util.Locale.ROOT)))) {
                String last = path.substring(path.lastIndexOf('/') + 1);
                throw GraphException.badRequest("Resource not found for the segment '" + last + "'.");
            }
            return path;
        });
        routes.add(Route.of("POST", "/drives/{driveId}/items/{itemId}/assignSensitivityLabel", ASSIGN,
                ChargeRule.sharePoint(2), this::assign));
        routes.add(Route.of("GET", CATALOGUE_PATH, CATALOGUE, ChargeRule.sharePoint(1), this::catalogue)
                .returnsCollection("sensitivityLabel", null));
        routes.add(Route.of("GET", CATALOGUE_PATH + "/{labelId}", CATALOGUE, ChargeRule.sharePoint(1), this::label)
                .returns("sensitivityLabel"));
    }

    // ---- assignSensitivityLabel ----

    private GraphResponse assign(GraphCall call) {
        if (labelling.cloud() == NationalCloud.GCC) {
            // metered-api-overview: metered APIs are not available to Microsoft 365 GCC tenants, even through the
            // worldwide endpoint. Microsoft shows no answer; the simulator refuses as for an app without billing.
            throw new GraphException(402, "paymentRequired", "Payment Required. Metered APIs are not available in"
                    + " Microsoft 365 GCC deployments. For details see https://aka.ms/graph-metered-overview");
        }
        AppRegistration app = tenant.read(() -> tenant.app(call.caller().appId()));
        if (app == null || !app.meteredBilling()) {
            // The answer apps without a Microsoft.GraphServices/accounts link get (quoted in
            // microsoftgraph/microsoft-graph-explorer-v4#3756 and pnp/powershell#4792), missing space included.
            throw new GraphException(402, "paymentRequired", "Payment Required. Ensure that your application is able to"
                    + " call this premium API.For details see https://aka.ms/graph-metered-overview");
        }
        ObjectNode body = call.jsonBody();
        JsonNode labelNode = body.get("sensitivityLabelId");
        if (labelNode == null || labelNode.isNull()) {
            throw GraphException.invalidRequest("The sensitivityLabelId parameter is required: a label id, or an empty"
                    + " string to remove the file's label.");
        }
        String method = body.path("assignmentMethod").asString("standard");
        if (!METHODS.contains(method)) {
            throw GraphException.badRequest("Cannot convert the literal '" + method
                    + "' to the expected type 'microsoft.graph.sensitivityLabelAssignmentMethod'.");
        }
        String justification = body.path("justificationText").asString("");
        String requested = labelNode.asString();
        Drive drive = tenant.read(() -> tenant.drive(call.param("driveId")));
        String driveId = call.param("driveId");
        String[] itemAndLabel = tenant.read(() -> {
            Item item = drive == null ? null : drive.item(call.param("itemId"));
            if (item == null) {
                throw GraphException.itemNotFound("The resource could not be found.");
            }
            String encryption = labelling.encryption(driveId, item.id);
            if (encryption != null) {
                throw new GraphException(423, encryption, "The file is encrypted in a way that prevents this operation.");
            }
            if (!SensitivityLabelling.supported(item)) {
                // The answer quoted in pnp/powershell discussion #5418.
                throw new GraphException(415, "UnsupportedMediaType", "Sensitivity label cannot be assigned to the given"
                        + " file as the file type is not supported for this operation.");
            }
            SensitivityLabel target = requested.isEmpty() ? null : tenant.sensitivityLabels().stream()
                    .filter(l -> l.id().equalsIgnoreCase(requested)).findFirst().orElse(null);
            if (!requested.isEmpty() && target == null) {
                // The answer quoted in Microsoft Q&A 2080891 (its innerError also carries code badArgument).
                throw GraphException.invalidRequest("Sensitivity label cannot be assigned since provided sensitivity label"
                        + " is not available or supported.");
            }
            SensitivityLabel current = item.sensitivityLabelId == null ? null : tenant.sensitivityLabel(item.sensitivityLabelId);
            boolean downgrade = current != null && (target == null || target.priority() < current.priority());
            if (downgrade && justification.isBlank()) {
                // "justificationText: Required when downgrading/removing a label" (driveitem-assignsensitivitylabel.md).
                throw GraphException.invalidRequest("Justification text is required when downgrading or removing a"
                        + " sensitivity label.");
            }
            return new String[] {item.id, target == null ? null : target.id()};
        });
        labelling.admit();
        String monitor = labelling.accept(driveId, itemAndLabel[0], itemAndLabel[1], method, call.caller().appId(),
                call.request().origin());
        return GraphResponse.accepted().header("Location", monitor);
    }

    // ---- the tenant's catalogue ----

    private GraphResponse catalogue(GraphCall call) {
        ObjectNode page = Json.object();
        page.put("@odata.context", call.request().serviceRoot() + "/$metadata#security/dataSecurityAndGovernance/sensitivityLabels");
        ArrayNode value = page.putArray("value");
        tenant.read(() -> {
            List<SensitivityLabel> labels = new ArrayList<>(tenant.sensitivityLabels());
            labels.sort(Comparator.comparingInt(SensitivityLabel::priority));
            labels.forEach(label -> value.add(render(label)));
            return null;
        });
        return GraphResponse.ok(page);
    }

    private GraphResponse label(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            SensitivityLabel label = tenant.sensitivityLabels().stream()
                    .filter(l -> l.id().equalsIgnoreCase(call.param("labelId"))).findFirst()
                    .orElseThrow(() -> new GraphException(404, "itemNotFound", "The sensitivity label '"
                            + call.param("labelId") + "' was not found."));
            ObjectNode node = render(label);
            node.put("@odata.context", call.request().serviceRoot()
                    + "/$metadata#security/dataSecurityAndGovernance/sensitivityLabels/$entity");
            return node;
        }));
    }

    /** The fields of Microsoft's example answer; {@code priority} is the fixture's (Purview's order, 0 first). */
    private static ObjectNode render(SensitivityLabel label) {
        ObjectNode node = Json.object();
        node.put("id", label.id());
        node.put("name", label.name());
        node.put("description", label.name() + " data.");
        node.put("color", "");
        node.put("priority", label.priority());
        node.put("toolTip", "Apply this label to " + label.name().toLowerCase(java.util.Locale.ROOT) + " data.");
        node.put("isEnabled", true);
        node.put("isEndpointProtectionEnabled", false);
        node.put("autoTooltip", "");
        node.put("actionSource", "manual");
        node.put("applicableTo", label.supportsContainers() ? "email,site,unifiedGroup,teamwork,file" : "email,file");
        node.putArray("sublabels");
        return node;
    }
}
