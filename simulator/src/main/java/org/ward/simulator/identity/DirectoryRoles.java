package org.ward.simulator.identity;

import static org.ward.simulator.identity.IdentityCharges.DIRECTORY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.Pages;
import org.ward.simulator.server.PageLimit;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.RoleAssignment;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;
import org.ward.simulator.users.Users;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Directory roles: role assignments (with their principals expanded), the activated roles and their members. */
public final class DirectoryRoles extends IdentityArea {

    private static final RouteAccess ROLES = RouteAccess.directory("RoleManagement.Read.Directory",
            "RoleManagement.Read.All", "Directory.Read.All", "RoleManagement.ReadWrite.Directory", "Directory.ReadWrite.All");

    public DirectoryRoles(Tenant tenant) {
        super(tenant);
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/roleManagement/directory/roleAssignments", ROLES, DIRECTORY, this::roleAssignments)
                .returnsCollection("unifiedRoleAssignment", null));
        routes.add(Route.of("GET", "/directoryRoles", ROLES, DIRECTORY, this::directoryRoles)
                .returnsCollection("directoryRole", null));
        routes.add(Route.of("GET", "/directoryRoles/{roleId}/members", ROLES, DIRECTORY, this::directoryRoleMembers)
                .returnsCollection("directoryObject", PageLimit.directory()));
    }

    private GraphResponse roleAssignments(GraphCall call) {
        boolean expand = call.odata().expands("principal");
        List<ObjectNode> rows = tenant.read(() -> identity().roleAssignments().stream().map(a -> {
            ObjectNode node = IdentityJson.roleAssignment(a);
            if (expand) {
                User user = tenant.user(a.principalId());
                if (user != null) {
                    ObjectNode principal = Json.object();
                    principal.put("@odata.type", "#microsoft.graph.user");
                    principal.setAll(Users.full(user));
                    node.set("principal", principal);
                }
            }
            return node;
        }).toList());
        String context = "roleManagement/directory/roleAssignments" + (expand ? "(principal())" : "");
        return GraphResponse.ok(Pages.all(call, rows, context));
    }

    /** Only activated roles (those somebody holds) are listed, as Graph does. */
    private GraphResponse directoryRoles(GraphCall call) {
        List<ObjectNode> rows = tenant.read(() -> {
            Map<String, String> active = new LinkedHashMap<>();
            identity().roleAssignments().forEach(a -> active.putIfAbsent(a.roleTemplateId(), a.roleName()));
            List<ObjectNode> out = new ArrayList<>();
            active.forEach((template, name) -> out.add(IdentityJson.directoryRole(roleId(template), name, template)));
            return out;
        });
        ObjectNode body = Json.object();
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#directoryRoles");
        ArrayNode value = body.putArray("value");
        rows.forEach(value::add);
        return GraphResponse.ok(body);
    }

    private GraphResponse directoryRoleMembers(GraphCall call) {
        String key = call.param("roleId");
        List<ObjectNode> rows = tenant.read(() -> {
            List<RoleAssignment> held = identity().roleAssignments().stream().filter(a -> key.equals(roleId(a.roleTemplateId()))
                    || key.equalsIgnoreCase("roleTemplateId=" + a.roleTemplateId())).toList();
            if (held.isEmpty()) {
                throw GraphException.directoryNotFound(key);
            }
            List<ObjectNode> out = new ArrayList<>();
            for (RoleAssignment a : held) {
                User user = tenant.user(a.principalId());
                if (user != null) {
                    ObjectNode member = Json.object();
                    member.put("@odata.type", "#microsoft.graph.user");
                    member.setAll(Users.render(user, call));
                    out.add(member);
                }
            }
            return out;
        });
        return GraphResponse.ok(Pages.of(call, rows, "directoryObjects", 100, 999));
    }

    private String roleId(String templateId) {
        return tenant.ids.guid("directoryRole", templateId);
    }
}
