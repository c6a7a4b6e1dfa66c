package org.ward.simulator.permissions;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.Pages;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.EffectivePermissions;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.SharingPermission;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.TenantChanges;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An item's permissions: list (effective: own and inherited, with {@code inheritedFrom}), get, delete (own only),
 * update roles, {@code createLink} and {@code invite}. Every permission operation costs 5 resource units.
 */
public final class Permissions implements ResourceFamily {

    static final RouteAccess READ = RouteAccess.sharePoint("Files.Read.All", "Files.ReadWrite.All", "Sites.Read.All",
            "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All");
    static final RouteAccess WRITE = RouteAccess.sharePoint("Files.ReadWrite.All", "Sites.ReadWrite.All",
            "Sites.Manage.All", "Sites.FullControl.All");
    private static final String BASE = "/drives/{driveId}/items/{itemId}";

    private final Tenant tenant;
    private final TenantChanges changes;

    public Permissions(Tenant tenant, TenantChanges changes) {
        this.tenant = tenant;
        this.changes = changes;
    }

    @Override
    public void register(Routes routes) {
        ChargeRule five = ChargeRule.sharePoint(5);
        routes.add(Route.of("GET", BASE + "/permissions", READ, five, this::list).returnsCollection("permission", null));
        routes.add(Route.of("GET", BASE + "/permissions/{permissionId}", READ, five, this::get).returns("permission"));
        routes.add(Route.of("DELETE", BASE + "/permissions/{permissionId}", WRITE, five, this::delete));
        routes.add(Route.of("PATCH", BASE + "/permissions/{permissionId}", WRITE, five, this::update).returns("permission"));
        routes.add(Route.of("POST", BASE + "/createLink", WRITE, five, this::createLink).returns("permission"));
        routes.add(Route.of("POST", BASE + "/invite", WRITE, five, this::invite).returnsCollection("permission", null));
    }

    private record Target(Drive drive, Item item) {
    }

    private Target target(GraphCall call) {
        Drive drive = tenant.drive(call.param("driveId"));
        Item item = drive == null ? null : drive.item(call.param("itemId"));
        if (item == null) {
            throw GraphException.itemNotFound("The resource could not be found.");
        }
        return new Target(drive, item);
    }

    private GraphResponse list(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Target t = target(call);
            List<ObjectNode> all = new ArrayList<>();
            for (EffectivePermissions.Effective e : EffectivePermissions.of(tenant, t.drive(), t.item())) {
                all.add(PermissionJson.render(tenant, t.drive(), e));
            }
            return Pages.all(call, all, "drives('" + t.drive().id + "')/items('" + t.item().id + "')/permissions");
        }));
    }

    private GraphResponse get(GraphCall call) {
        return GraphResponse.ok(tenant.read(() -> {
            Target t = target(call);
            return EffectivePermissions.of(tenant, t.drive(), t.item()).stream()
                    .filter(e -> e.permission().id().equals(call.param("permissionId"))).findFirst()
                    .map(e -> PermissionJson.render(tenant, t.drive(), e))
                    .orElseThrow(() -> GraphException.itemNotFound("The permission could not be found."));
        }));
    }

    private GraphResponse delete(GraphCall call) {
        tenant.write(() -> {
            Target t = target(call);
            String id = call.param("permissionId");
            if (!changes.removePermission(t.drive().id, t.item().id, id)) {
                boolean inherited = EffectivePermissions.of(tenant, t.drive(), t.item()).stream()
                        .anyMatch(e -> e.permission().id().equals(id));
                if (inherited) {
                    throw GraphException.invalidRequest("Only permissions set on this item can be deleted; this permission"
                            + " is inherited and must be removed where it is set.");
                }
                throw GraphException.itemNotFound("The permission could not be found.");
            }
        });
        return GraphResponse.noContent();
    }

    private GraphResponse update(GraphCall call) {
        JsonNode body = body(call);
        for (String field : body.propertyNames()) {
            if (!field.equals("roles")) {
                throw GraphException.invalidRequest("Only the roles property can be modified; '" + field + "' cannot.");
            }
        }
        List<String> roles = strings(body.path("roles"));
        return GraphResponse.ok(tenant.write(() -> {
            Target t = target(call);
            SharingPermission updated = changes.updateRoles(t.drive().id, t.item().id, call.param("permissionId"), roles);
            if (updated == null) {
                throw GraphException.itemNotFound("The permission could not be found.");
            }
            return PermissionJson.render(tenant, t.drive(), new EffectivePermissions.Effective(updated, null));
        }));
    }

    private GraphResponse createLink(GraphCall call) {
        JsonNode body = body(call);
        String type = body.path("type").asString("view");
        String scope = body.path("scope").asString("anonymous");
        if (!List.of("view", "edit", "embed").contains(type)) {
            throw GraphException.invalidRequest("Invalid link type '" + type + "'.");
        }
        if (type.equals("embed")) {
            throw new GraphException(400, "notSupported", "Embed links are not supported in OneDrive for Business and SharePoint.");
        }
        if (!List.of("anonymous", "organization", "users", "existingAccess").contains(scope)) {
            throw GraphException.invalidRequest("Invalid link scope '" + scope + "'.");
        }
        Instant expiration = instant(body.path("expirationDateTime").asString(null));
        List<String> recipients = new ArrayList<>();
        for (JsonNode r : body.path("recipients")) {
            String email = r.path("email").asString(null);
            if (email != null) {
                recipients.add(email);
            }
        }
        return tenant.write(() -> {
            Target t = target(call);
            int before = t.item().permissions.size();
            List<String> recipientIds = recipients.stream().map(this::userFor).map(User::id).toList();
            SharingPermission link = changes.createLink(t.drive().id, t.item().id, type, scope, expiration,
                    body.has("password"), recipientIds);
            ObjectNode rendered = PermissionJson.render(tenant, t.drive(), new EffectivePermissions.Effective(link, null));
            return t.item().permissions.size() > before ? GraphResponse.created(rendered) : GraphResponse.ok(rendered);
        });
    }

    private GraphResponse invite(GraphCall call) {
        JsonNode body = body(call);
        List<String> roles = strings(body.path("roles"));
        if (roles.isEmpty()) {
            throw GraphException.invalidRequest("The roles property is required.");
        }
        Instant expiration = instant(body.path("expirationDateTime").asString(null));
        List<String> emails = new ArrayList<>();
        for (JsonNode r : body.path("recipients")) {
            String email = r.path("email").asString(null);
            if (email != null) {
                emails.add(email);
            }
        }
        if (emails.isEmpty()) {
            throw GraphException.invalidRequest("At least one recipient with an email is required.");
        }
        return GraphResponse.ok(tenant.write(() -> {
            Target t = target(call);
            ObjectNode result = Json.object();
            ArrayNode value = result.putArray("value");
            for (String email : emails) {
                User user = userFor(email);
                SharingPermission grant = changes.grant(t.drive().id, t.item().id, SharingPermission.Kind.USER, user.id(),
                        user.displayName(), roles, expiration);
                value.add(PermissionJson.render(tenant, t.drive(), new EffectivePermissions.Effective(grant, null)));
            }
            return result;
        }));
    }

    /** A member by mail or UPN; anyone else becomes (or already is) a B2B guest. */
    private User userFor(String email) {
        User known = tenant.user(email);
        if (known != null) {
            return known;
        }
        for (User user : tenant.users()) {
            if (email.equalsIgnoreCase(user.mail())) {
                return user;
            }
        }
        String local = email.substring(0, Math.max(0, email.indexOf('@')));
        return changes.addGuest(email.toLowerCase(Locale.ROOT), local.isEmpty() ? email : local);
    }

    private static JsonNode body(GraphCall call) {
        if (call.request().body().length == 0) {
            return Json.object();
        }
        try {
            JsonNode body = Json.parse(call.request().body());
            if (!body.isObject()) {
                throw GraphException.badRequest("The request body must be a JSON object.");
            }
            return body;
        } catch (tools.jackson.core.JacksonException e) {
            throw GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set"
                    + " and payload is of valid JSON format.");
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode v : array) {
            values.add(v.asString());
        }
        return values;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw GraphException.invalidRequest("Invalid expirationDateTime '" + text + "'.");
        }
    }
}
