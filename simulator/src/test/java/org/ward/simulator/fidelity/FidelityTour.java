package org.ward.simulator.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ward.simulator.GraphHttp;
import org.ward.simulator.Reply;
import org.ward.simulator.SdkModels;
import org.ward.simulator.Simulator;
import org.ward.simulator.WebhookReceiver;
import org.ward.simulator.server.GraphModel;
import org.ward.simulator.server.Route;

import com.microsoft.graph.models.odataerrors.ODataError;

import tools.jackson.databind.JsonNode;

/**
 * Crawls a running simulator as a client would, through every route it serves: from the user, group, team and site
 * lists to every drive, every item of every drive (by delta, plain and with sharing changes), its children,
 * permissions, retention label and sensitivity labels, the identity reports in v1.0 and beta, a batch, the
 * operations that change sharing and labels, and a few answers that are errors. Every answer is walked against
 * Graph's model for the type its route declares ({@link ModelWalker}); error answers against the SDK's ODataError.
 */
final class FidelityTour {

    private static final String SHARING_CHANGES = "deltashowremovedasdeleted, deltatraversepermissiongaps,"
            + " deltashowsharingchanges, hierarchicalsharing";

    private final Simulator simulator;
    private final GraphHttp graph;
    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Set<String> visited = new TreeSet<>();
    private final List<String> violations = new ArrayList<>();
    private final ModelWalker v1 = new ModelWalker(GraphModel.v1());
    private final ModelWalker beta = new ModelWalker(GraphModel.beta());
    private int answers;
    private String someFile;
    /** The site each drive was found on, for the drive's library as a list. */
    private final Map<String, String> siteOfDrive = new LinkedHashMap<>();
    /** An Office or PDF file, which assignSensitivityLabel takes. */
    private String someDocument;

    FidelityTour(Simulator simulator, GraphHttp graph) {
        this.simulator = simulator;
        this.graph = graph;
        simulator.routes().forEach(route -> routes.put(key(route), route));
    }

    static String key(Route route) {
        return route.method() + " " + route.template();
    }

    /** Each kind of violation once, with how often it occurred ("path[]: problem (x12)"). */
    Set<String> violations() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String violation : violations) {
            counts.merge(violation.replaceAll("\\[\\d+]", "[]").replaceAll("'[^']*' is not", "'…' is not"), 1, Integer::sum);
        }
        Set<String> summary = new TreeSet<>();
        Map<String, String> example = new LinkedHashMap<>();
        for (String violation : violations) {
            example.putIfAbsent(violation.replaceAll("\\[\\d+]", "[]").replaceAll("'[^']*' is not", "'…' is not"), violation);
        }
        counts.forEach((kind, n) -> summary.add(example.get(kind) + (n > 1 ? " (x" + n + ")" : "")));
        return summary;
    }

    /** Routes the tour has not exercised. */
    Set<String> unvisited() {
        Set<String> missing = new TreeSet<>(routes.keySet());
        missing.removeAll(visited);
        return missing;
    }

    int answers() {
        return answers;
    }

    FidelityTour run() {
        directory();
        List<String> driveIds = sites();
        for (String driveId : driveIds) {
            drive(driveId);
        }
        identity();
        batch(driveIds.get(0));
        changes();
        subscriptions(driveIds.get(0));
        labelsAndMail();
        errors();
        return this;
    }

    private void directory() {
        for (JsonNode user : all("GET /users", "/users?$select=*")) {
            get("GET /users/{userId}", "/users/" + user.path("id").asString());
            get("GET /users/{userId}", "/users/" + user.path("id").asString() + "?$select=*");
        }
        all("GET /users", "/users");
        for (JsonNode organization : all("GET /organization", "/organization")) {
            get("GET /organization/{organizationId}", "/organization/" + organization.path("id").asString());
        }
        for (JsonNode group : all("GET /groups", "/groups?$select=*")) {
            String id = group.path("id").asString();
            get("GET /groups/{groupId}", "/groups/" + id + "?$select=*");
            all("GET /groups/{groupId}/owners", "/groups/" + id + "/owners");
            all("GET /groups/{groupId}/members", "/groups/" + id + "/members?$select=id,displayName,userPrincipalName,userType");
            get("GET /groups/{groupId}/sites/root", "/groups/" + id + "/sites/root");
        }
        all("GET /groups", "/groups");
        for (JsonNode team : all("GET /teams", "/teams")) {
            String id = team.path("id").asString();
            get("GET /teams/{teamId}", "/teams/" + id);
            all("GET /teams/{teamId}/channels", "/teams/" + id + "/channels");
            for (JsonNode channel : all("GET /teams/{teamId}/allChannels", "/teams/" + id + "/allChannels",
                    "Prefer", "include-unknown-enum-members")) {
                String channelId = GraphHttp.encode(channel.path("id").asString());
                get("GET /teams/{teamId}/channels/{channelId}", "/teams/" + id + "/channels/" + channelId);
                get("GET /teams/{teamId}/channels/{channelId}/filesFolder", "/teams/" + id + "/channels/" + channelId
                        + "/filesFolder");
            }
        }
    }

    private List<String> sites() {
        get("GET /sites/root", "/sites/root");
        all("GET /sites", "/sites?search=*");
        List<String> driveIds = new ArrayList<>();
        for (JsonNode site : all("GET /sites/getAllSites", "/sites/getAllSites?$select=*")) {
            String id = site.path("id").asString();
            get("GET /sites/{siteId}", "/sites/" + id + "?$select=*");
            all("GET /sites/{siteId}/sites", "/sites/" + id + "/sites");
            for (JsonNode drive : all("GET /sites/{siteId}/drives", "/sites/" + id + "/drives")) {
                driveIds.add(drive.path("id").asString());
                siteOfDrive.put(drive.path("id").asString(), id);
            }
        }
        return driveIds;
    }

    private void drive(String driveId) {
        get("GET /drives/{driveId}", "/drives/" + driveId);
        String delta = "/drives/" + driveId + "/root/delta";
        all("GET /drives/{driveId}/items/{itemId}/delta", delta + "?$select=*", "Prefer", SHARING_CHANGES);
        list(driveId, all("GET /drives/{driveId}/items/{itemId}/delta", delta + "?$select=id,sharepointIds"));
        for (JsonNode item : all("GET /drives/{driveId}/items/{itemId}/delta", delta)) {
            if (item.has("deleted")) {
                continue;
            }
            String itemPath = "/drives/" + driveId + "/items/" + item.path("id").asString();
            get("GET /drives/{driveId}/items/{itemId}", itemPath + "?$select=*&$expand="
                    + GraphHttp.encode("listItem($expand=fields),retentionLabel"));
            if (item.has("folder")) {
                all("GET /drives/{driveId}/items/{itemId}/children", itemPath + "/children");
                continue;
            }
            for (JsonNode permission : all("GET /drives/{driveId}/items/{itemId}/permissions", itemPath + "/permissions")) {
                get("GET /drives/{driveId}/items/{itemId}/permissions/{permissionId}", itemPath + "/permissions/"
                        + permission.path("id").asString());
            }
            if (someFile == null) {
                someFile = itemPath;
            }
            String name = item.path("name").asString().toLowerCase(java.util.Locale.ROOT);
            if (someDocument == null && (name.endsWith(".docx") || name.endsWith(".pdf"))) {
                someDocument = itemPath;
            }
            get("GET /drives/{driveId}/items/{itemId}/retentionLabel", itemPath + "/retentionLabel");
            send("POST /drives/{driveId}/items/{itemId}/extractSensitivityLabels",
                    graph.post(itemPath + "/extractSensitivityLabels", "{}"), "v1.0");
        }
    }

    /** The drive's library as a SharePoint list: list-item delta with every default field, and with a selection. */
    private void list(String driveId, List<JsonNode> items) {
        String listId = items.stream().map(i -> i.path("sharepointIds").path("listId").asString(""))
                .filter(id -> !id.isEmpty()).findFirst().orElse(null);
        if (listId == null || !siteOfDrive.containsKey(driveId)) {
            return;
        }
        String listDelta = "/sites/" + siteOfDrive.get(driveId) + "/lists/" + listId + "/items/delta";
        all("GET /sites/{siteId}/lists/{listId}/items/delta", listDelta + "?$select=*,sharepointIds&$expand=fields");
        all("GET /sites/{siteId}/lists/{listId}/items/delta", listDelta + "?$select=id,deleted&$expand="
                + GraphHttp.encode("fields($select=_ComplianceTag,_ComplianceFlags,_ComplianceTagWrittenTime,"
                        + "_ComplianceTagUserId,ConsentRecorded)") + "&$top=50");
    }

    private void identity() {
        all("GET /reports/authenticationMethods/userRegistrationDetails", "/reports/authenticationMethods/userRegistrationDetails");
        all("GET /auditLogs/signIns", "/auditLogs/signIns?$top=1000");
        String betaRoot = simulator.info().graphBaseUrl().replace("/v1.0", "/beta");
        Reply page = graph.get(betaRoot + "/auditLogs/signIns?$top=1000");
        while (true) {
            JsonNode body = send("GET /auditLogs/signIns", page, "beta");
            if (body == null || !body.has("@odata.nextLink")) {
                break;
            }
            page = graph.get(body.path("@odata.nextLink").asString());
        }
        all("GET /identityProtection/riskyUsers", "/identityProtection/riskyUsers");
        all("GET /identityProtection/riskDetections", "/identityProtection/riskDetections");
        all("GET /identity/conditionalAccess/policies", "/identity/conditionalAccess/policies");
        get("GET /policies/identitySecurityDefaultsEnforcementPolicy", "/policies/identitySecurityDefaultsEnforcementPolicy");
        all("GET /roleManagement/directory/roleAssignments", "/roleManagement/directory/roleAssignments");
        all("GET /roleManagement/directory/roleAssignments", "/roleManagement/directory/roleAssignments?$expand=principal");
        for (JsonNode role : all("GET /directoryRoles", "/directoryRoles")) {
            all("GET /directoryRoles/{roleId}/members", "/directoryRoles/" + role.path("id").asString() + "/members");
        }
    }

    /** Inner answers of a batch are checked against the routes they went to. */
    private void batch(String driveId) {
        Reply reply = graph.post("/$batch", "{\"requests\":["
                + "{\"id\":\"users\",\"method\":\"GET\",\"url\":\"/users?$top=2\"},"
                + "{\"id\":\"drive\",\"method\":\"GET\",\"url\":\"/drives/" + driveId + "\"},"
                + "{\"id\":\"missing\",\"method\":\"GET\",\"url\":\"/drives/" + driveId + "/items/01NOSUCHITEM\"}]}");
        answers++;
        Map<String, String> routeOf = Map.of("users", "GET /users", "drive", "GET /drives/{driveId}",
                "missing", "GET /drives/{driveId}/items/{itemId}");
        for (JsonNode inner : reply.json().path("responses")) {
            String id = inner.path("id").asString();
            check(routeOf.get(id), inner.path("status").asInt(), inner.path("body"), "v1.0", "$batch/" + id);
        }
    }

    /** The operations that change a tenant: links, invitations, roles, retention labels. */
    private void changes() {
        String file = someFile;
        JsonNode link = send("POST /drives/{driveId}/items/{itemId}/createLink",
                graph.post(file + "/createLink", "{\"type\":\"view\",\"scope\":\"organization\"}"), "v1.0");
        String someone = simulator.tenant().read(() -> simulator.tenant().users().iterator().next().mail());
        send("POST /drives/{driveId}/items/{itemId}/invite", graph.post(file + "/invite", "{\"recipients\":[{\"email\":\""
                + someone + "\"}],\"roles\":[\"read\"],\"requireSignIn\":true,\"sendInvitation\":false}"), "v1.0");
        String permission = file + "/permissions/" + link.path("id").asString();
        send("PATCH /drives/{driveId}/items/{itemId}/permissions/{permissionId}",
                graph.patch(permission, "{\"roles\":[\"write\"]}"), "v1.0");
        send("DELETE /drives/{driveId}/items/{itemId}/permissions/{permissionId}", graph.delete(permission), "v1.0");
        String label = simulator.tenant().read(() -> simulator.tenant().retentionLabels().get(0));
        send("PATCH /drives/{driveId}/items/{itemId}/retentionLabel",
                graph.patch(file + "/retentionLabel", "{\"name\":\"" + label + "\"}"), "v1.0");
        get("GET /drives/{driveId}/items/{itemId}/retentionLabel", file + "/retentionLabel");
        send("DELETE /drives/{driveId}/items/{itemId}/retentionLabel", graph.delete(file + "/retentionLabel"), "v1.0");
    }

    /** A subscription's whole life, against a real endpoint on loopback that answers the validation handshake. */
    private void subscriptions(String driveId) {
        try (WebhookReceiver receiver = WebhookReceiver.http()) {
            String expiry = java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString();
            JsonNode created = send("POST /subscriptions", graph.post("/subscriptions", "{\"changeType\":\"updated\","
                    + "\"notificationUrl\":\"" + receiver.url("/notify") + "\",\"lifecycleNotificationUrl\":\""
                    + receiver.url("/lifecycle") + "\",\"resource\":\"/drives/" + driveId + "/root\",\"expirationDateTime\":\""
                    + expiry + "\",\"clientState\":\"fidelity\"}", "Prefer", "includesecuritywebhooks"), "v1.0");
            all("GET /subscriptions", "/subscriptions");
            String id = created == null ? "00000000-0000-0000-0000-000000000000" : created.path("id").asString();
            get("GET /subscriptions/{subscriptionId}", "/subscriptions/" + id);
            send("PATCH /subscriptions/{subscriptionId}", graph.patch("/subscriptions/" + id, "{\"expirationDateTime\":\""
                    + java.time.Instant.now().plus(java.time.Duration.ofDays(3)) + "\"}"), "v1.0");
            send("POST /subscriptions/{subscriptionId}/reauthorize", graph.post("/subscriptions/" + id + "/reauthorize", null),
                    "v1.0");
            send("DELETE /subscriptions/{subscriptionId}", graph.delete("/subscriptions/" + id), "v1.0");
        }
    }

    /** The label catalogue, a sensitivity label on a document, a group's label (refused), an alert by mail. */
    private void labelsAndMail() {
        List<JsonNode> labels = all("GET /security/dataSecurityAndGovernance/sensitivityLabels",
                "/security/dataSecurityAndGovernance/sensitivityLabels");
        String labelId = labels.isEmpty() ? "00000000-0000-0000-0000-000000000000"
                : labels.get(labels.size() - 1).path("id").asString();
        get("GET /security/dataSecurityAndGovernance/sensitivityLabels/{labelId}",
                "/security/dataSecurityAndGovernance/sensitivityLabels/" + labelId);
        String document = someDocument == null ? someFile : someDocument;
        send("POST /drives/{driveId}/items/{itemId}/assignSensitivityLabel", graph.post(document + "/assignSensitivityLabel",
                "{\"sensitivityLabelId\":\"" + labelId + "\",\"assignmentMethod\":\"standard\",\"justificationText\":\"tour\"}"),
                "v1.0");
        String groupId = simulator.tenant().read(() -> simulator.tenant().groups().iterator().next().id);
        send("PATCH /groups/{groupId}", graph.patch("/groups/" + groupId, "{\"assignedLabels\":[{\"labelId\":\"" + labelId
                + "\"}]}"), "v1.0");
        String sender = simulator.tenant().read(() -> {
            var app = simulator.tenant().app(simulator.info().clientId());
            var scope = app == null ? null : app.exchange().mailSendScope();
            return scope != null && !scope.isEmpty() ? scope.iterator().next()
                    : simulator.tenant().users().iterator().next().id();
        });
        send("POST /users/{userId}/sendMail", graph.post("/users/" + sender + "/sendMail", "{\"message\":{\"subject\":"
                + "\"Fidelity\",\"body\":{\"contentType\":\"Text\",\"content\":\"tour\"},\"toRecipients\":[{\"emailAddress\":"
                + "{\"address\":\"dpo@example.org\"}}]}}"), "v1.0");
        simulator.activityFeed().install(simulator.info().clientId(), sender);
        send("POST /users/{userId}/teamwork/sendActivityNotification", graph.post("/users/" + sender
                + "/teamwork/sendActivityNotification", "{\"topic\":{\"source\":\"text\",\"value\":\"Ward\",\"webUrl\":"
                + "\"https://teams.microsoft.com/l/app/ward\"},\"activityType\":\"systemDefault\",\"previewText\":"
                + "{\"content\":\"tour\"},\"templateParameters\":[{\"name\":\"systemDefaultText\",\"value\":\"tour\"}]}"),
                "v1.0");
    }

    private void errors() {
        get("GET /users/{userId}", "/users/nobody@nowhere.example");
        get("GET /groups/{groupId}", "/groups/00000000-0000-0000-0000-000000000000");
        get("GET /drives/{driveId}", "/drives/b!nosuchdrive");
        get("GET /sites/{siteId}", "/sites/nosuchsite");
        // Global Administrator by its template id: members where somebody holds it, Graph's 404 where nobody does.
        get("GET /directoryRoles/{roleId}/members", "/directoryRoles/roleTemplateId=62e90394-69f5-4237-9190-012177145e10/members");
    }

    /** Every entity of a collection, following nextLinks; each page is checked. */
    private List<JsonNode> all(String route, String url, String... headers) {
        List<JsonNode> entities = new ArrayList<>();
        Reply reply = graph.get(url, headers);
        while (true) {
            JsonNode body = send(route, reply, "v1.0");
            if (body == null) {
                return entities;
            }
            body.path("value").forEach(entities::add);
            if (!body.has("@odata.nextLink")) {
                return entities;
            }
            reply = graph.get(body.path("@odata.nextLink").asString(), headers);
        }
    }

    private JsonNode get(String route, String url) {
        return send(route, graph.get(url), "v1.0");
    }

    private JsonNode send(String route, Reply reply, String version) {
        answers++;
        JsonNode body = reply.text().isEmpty() ? null : reply.json();
        check(route, reply.status(), body, version, route);
        return reply.status() < 300 ? body : null;
    }

    private void check(String routeKey, int status, JsonNode body, String version, String where) {
        Route route = routes.get(routeKey);
        if (route == null) {
            throw new IllegalArgumentException("The simulator has no route " + routeKey);
        }
        visited.add(routeKey);
        if (status >= 400) {
            if (body == null || body.isMissingNode()) {
                violations.add(where + " (" + status + "): an error without Graph's error body");
            } else {
                SdkModels.unknownProperties(body.toString(), ODataError::createFromDiscriminatorValue)
                        .forEach(unknown -> violations.add(where + " (" + status + "): " + unknown));
            }
            return;
        }
        if (route.type() == null) {
            if (body != null && !body.isMissingNode()) {
                violations.add(where + ": answers a body, but its route declares no type");
            }
            return;
        }
        if (body == null || body.isMissingNode()) {
            violations.add(where + " (" + status + "): no body, but its route answers with " + route.type());
            return;
        }
        ModelWalker walker = "beta".equals(version) ? beta : v1;
        if (route.collection()) {
            walker.collection(body, route.type(), where, violations);
        } else {
            walker.entity(body, route.type(), where, violations);
        }
    }
}
