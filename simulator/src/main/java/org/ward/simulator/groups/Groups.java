package org.ward.simulator.groups;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.ward.simulator.server.DirectoryFilters;
import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.PageLimit;
import org.ward.simulator.server.Pages;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Group;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;
import org.ward.simulator.users.Users;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /groups}, a group, its owners and members. {@code assignedLabels} (the container's sensitivity label)
 * is only returned when asked for with {@code $select}, as in Graph.
 */
public final class Groups implements ResourceFamily {

    static final RouteAccess READ = RouteAccess.directory("GroupMember.Read.All", "Group.Read.All", "Directory.Read.All",
            "Group.ReadWrite.All", "Directory.ReadWrite.All");
    static final RouteAccess MEMBERS = RouteAccess.directory("GroupMember.Read.All", "Group.Read.All",
            "GroupMember.ReadWrite.All", "Group.ReadWrite.All", "Directory.Read.All");

    private final Tenant tenant;

    public Groups(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/groups", READ, ChargeRule.fixed(Charge.directory(2)), this::list)
                .returnsCollection("group", PageLimit.directory())
                .checkedBy(DirectoryFilters.of("Group", DirectoryFilters.GROUP)));
        routes.add(Route.of("GET", "/groups/{groupId}", READ, ChargeRule.fixed(Charge.directory(1)), this::get)
                .returns("group"));
        routes.add(Route.of("GET", "/groups/{groupId}/owners", MEMBERS, ChargeRule.fixed(Charge.directory(2)),
                call -> people(call, true)).returnsCollection("directoryObject", PageLimit.directory()));
        routes.add(Route.of("GET", "/groups/{groupId}/members", MEMBERS, ChargeRule.fixed(Charge.directory(2)),
                call -> people(call, false)).returnsCollection("directoryObject", PageLimit.directory()));
    }

    private GraphResponse list(GraphCall call) {
        List<ObjectNode> groups = tenant.read(() -> tenant.groups().stream().map(g -> render(g, call)).toList());
        return GraphResponse.ok(Pages.of(call, groups, "groups", 100, 999));
    }

    private GraphResponse get(GraphCall call) {
        Group group = tenant.read(() -> tenant.group(call.param("groupId")));
        if (group == null) {
            throw GraphException.directoryNotFound(call.param("groupId"));
        }
        ObjectNode body = render(group, call);
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#groups/$entity");
        return GraphResponse.ok(body);
    }

    private GraphResponse people(GraphCall call, boolean owners) {
        List<ObjectNode> people = tenant.read(() -> {
            Group group = tenant.group(call.param("groupId"));
            if (group == null) {
                throw GraphException.directoryNotFound(call.param("groupId"));
            }
            Collection<String> ids = owners ? group.ownerIds : group.memberIds;
            List<ObjectNode> result = new ArrayList<>();
            for (String id : ids) {
                User user = tenant.user(id);
                if (user != null) {
                    ObjectNode node = Json.object();
                    node.put("@odata.type", "#microsoft.graph.user");
                    node.setAll(Users.render(user, call));
                    result.add(node);
                }
            }
            return result;
        });
        return GraphResponse.ok(Pages.of(call, people, "directoryObjects", 100, 999));
    }

    static ObjectNode render(Group group, GraphCall call) {
        ObjectNode node = Json.object();
        node.put("id", group.id);
        node.putNull("deletedDateTime");
        node.putNull("classification");
        Json.putDate(node, "createdDateTime", group.createdDateTime);
        node.put("description", group.description);
        node.put("displayName", group.displayName);
        node.putNull("expirationDateTime");
        node.putArray("groupTypes").add("Unified");
        node.putNull("isAssignableToRole");
        node.put("mail", group.mail);
        node.put("mailEnabled", true);
        node.put("mailNickname", group.mailNickname);
        node.putNull("membershipRule");
        node.putNull("membershipRuleProcessingState");
        // A cloud-only group: Graph sends the on-premises properties as null (and no provisioning errors).
        for (String onPremises : List.of("onPremisesDomainName", "onPremisesLastSyncDateTime", "onPremisesNetBiosName",
                "onPremisesSamAccountName", "onPremisesSecurityIdentifier", "onPremisesSyncEnabled")) {
            node.putNull(onPremises);
        }
        node.putArray("onPremisesProvisioningErrors");
        node.putNull("preferredDataLocation");
        node.putNull("preferredLanguage");
        node.putArray("proxyAddresses").add("SMTP:" + group.mail);
        Json.putDate(node, "renewedDateTime", group.createdDateTime);
        node.putArray("resourceBehaviorOptions");
        ArrayNode provisioning = node.putArray("resourceProvisioningOptions");
        if (group.team != null) {
            provisioning.add("Team");
        }
        node.put("securityEnabled", false);
        node.put("securityIdentifier", securityIdentifier(group.id));
        node.putNull("theme");
        node.put("visibility", group.visibility);
        if (call.odata().selects("assignedLabels")) {
            ArrayNode labels = node.putArray("assignedLabels");
            if (group.label != null) {
                ObjectNode label = labels.addObject();
                label.put("labelId", group.label.id());
                label.put("displayName", group.label.name());
            }
        }
        return node;
    }

    /** Entra's SID for a cloud object: S-1-12-1- and the object id's four 32-bit little-endian words. */
    static String securityIdentifier(String objectId) {
        java.util.UUID id = java.util.UUID.fromString(objectId);
        java.nio.ByteBuffer guid = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long msb = id.getMostSignificantBits();
        guid.putInt((int) (msb >>> 32)).putShort((short) (msb >>> 16)).putShort((short) msb);
        guid.order(java.nio.ByteOrder.BIG_ENDIAN).putLong(id.getLeastSignificantBits());
        guid.flip().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        StringBuilder sid = new StringBuilder("S-1-12-1");
        for (int i = 0; i < 4; i++) {
            sid.append('-').append(Integer.toUnsignedString(guid.getInt()));
        }
        return sid.toString();
    }
}
