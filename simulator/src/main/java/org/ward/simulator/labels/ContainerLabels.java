package org.ward.simulator.labels;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphException;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

import tools.jackson.databind.node.ObjectNode;

/**
 * A Microsoft 365 group's sensitivity label is its {@code assignedLabels}, set by updating the group. Graph does not
 * let an application do that: "Application permissions are not supported when updating assignedLabels" (group-update,
 * v1.0); it takes a signed-in user with an administrator role. Every simulator caller is an application, so the update
 * is refused; the refusal's code and message are the ones reported for app-only tokens.
 */
public final class ContainerLabels implements ResourceFamily {

    static final RouteAccess UPDATE = RouteAccess.directory("Group.ReadWrite.All", "Directory.ReadWrite.All");

    private final Tenant tenant;

    public ContainerLabels(Tenant tenant) {
        this.tenant = tenant;
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("PATCH", "/groups/{groupId}", UPDATE, ChargeRule.fixed(Charge.directory(1)), this::update));
    }

    private GraphResponse update(GraphCall call) {
        ObjectNode body = call.jsonBody();
        if (tenant.read(() -> tenant.group(call.param("groupId"))) == null) {
            throw GraphException.directoryNotFound(call.param("groupId"));
        }
        if (body.has("assignedLabels")) {
            // Reported for app-only tokens (Microsoft Tech Community, "Support to apply sensitivity label to a Microsoft
            // 365 group using app only token"); the status is the simulator's choice: the app is authenticated but may
            // not do this.
            throw new GraphException(403, "Unauthorized", "App-only token is not supported.");
        }
        throw new GraphException(501, "NotImplemented", "The simulator models only assignedLabels among group updates.");
    }
}
