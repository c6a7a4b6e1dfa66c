package org.ward.simulator.users;

import java.util.List;
import java.util.Set;

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
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.node.ObjectNode;

/** {@code /users} and {@code /users/{id}}: the default property set, more with {@code $select}. */
public final class Users implements ResourceFamily {

    static final RouteAccess READ = RouteAccess.directory("User.Read.All", "User.ReadWrite.All", "Directory.Read.All",
            "Directory.ReadWrite.All");
    private static final Set<String> DEFAULT = Set.of("businessPhones", "displayName", "givenName", "jobTitle", "mail",
            "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName", "id");

    private final Tenant tenant;

    public Users(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/users", READ, ChargeRule.fixed(Charge.directory(2)), this::list)
                .returnsCollection("user", PageLimit.directory())
                .checkedBy(DirectoryFilters.of("User", DirectoryFilters.USER)));
        routes.add(Route.of("GET", "/users/{userId}", READ, ChargeRule.fixed(Charge.directory(1)), this::get).returns("user"));
    }

    private GraphResponse list(GraphCall call) {
        // $filter sees every property (userType eq 'Guest' works without $select); the page then shows the
        // default set unless $select asked for more.
        List<ObjectNode> users = tenant.read(() -> tenant.users().stream().map(Users::full).toList());
        ObjectNode page = Pages.of(call, users, "users", 100, 999);
        if (call.odata().select() == null) {
            page.path("value").forEach(user -> ((ObjectNode) user).retain(DEFAULT));
        }
        return GraphResponse.ok(page);
    }

    private GraphResponse get(GraphCall call) {
        User user = tenant.read(() -> tenant.user(call.param("userId")));
        if (user == null) {
            throw GraphException.directoryNotFound(call.param("userId"));
        }
        ObjectNode body = render(user, call);
        body.put("@odata.context", call.request().serviceRoot() + "/$metadata#users/$entity");
        return GraphResponse.ok(body);
    }

    /** The user as Graph writes it; without $select only the default properties. */
    public static ObjectNode render(User user, GraphCall call) {
        ObjectNode node = full(user);
        if (call.odata().select() == null) {
            node.retain(DEFAULT);
        }
        return node;
    }

    public static ObjectNode full(User user) {
        ObjectNode node = Json.object();
        node.putArray("businessPhones");
        node.put("displayName", user.displayName());
        node.put("givenName", user.givenName());
        node.put("jobTitle", user.jobTitle());
        node.put("mail", user.mail());
        node.putNull("mobilePhone");
        node.putNull("officeLocation");
        node.putNull("preferredLanguage");
        node.put("surname", user.surname());
        node.put("userPrincipalName", user.userPrincipalName());
        node.put("id", user.id());
        node.put("accountEnabled", user.accountEnabled());
        node.put("userType", user.userType());
        node.put("department", user.department());
        Json.putDate(node, "createdDateTime", user.createdDateTime());
        node.put("creationType", user.guest() ? "Invitation" : null);
        node.put("externalUserState", user.guest() ? "Accepted" : null);
        return node;
    }
}
