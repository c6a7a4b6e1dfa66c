package org.ward.simulator.identity;

import static org.ward.simulator.identity.IdentityCharges.DIRECTORY;
import static org.ward.simulator.identity.IdentityCharges.PROTECTION;

import java.util.List;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.server.Pages;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.Tenant;

import tools.jackson.databind.node.ObjectNode;

/**
 * Conditional-access policies (Entra ID P1; 1 request per second per tenant) and the security-defaults policy
 * (every tenant).
 */
public final class ConditionalAccess extends IdentityArea {

    private static final RouteAccess POLICIES = RouteAccess.directory("Policy.Read.All");

    public ConditionalAccess(Tenant tenant) {
        super(tenant);
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/identity/conditionalAccess/policies", POLICIES, PROTECTION, this::policies)
                .returnsCollection("conditionalAccessPolicy", null));
        routes.add(Route.of("GET", "/policies/identitySecurityDefaultsEnforcementPolicy", POLICIES, DIRECTORY,
                this::securityDefaults).returns("identitySecurityDefaultsEnforcementPolicy"));
    }

    private GraphResponse policies(GraphCall call) {
        licences.require(Premium.P1, Licences.notLicensed());
        List<ObjectNode> rows = tenant.read(() -> identity().policies().stream().map(IdentityJson::policy).toList());
        return GraphResponse.ok(Pages.all(call, rows, "identity/conditionalAccess/policies"));
    }

    private GraphResponse securityDefaults(GraphCall call) {
        ObjectNode body = IdentityJson.securityDefaults(tenant.read(() -> identity().securityDefaults()));
        ObjectNode withContext = Json.object();
        withContext.put("@odata.context", call.request().serviceRoot()
                + "/$metadata#policies/identitySecurityDefaultsEnforcementPolicy/$entity");
        withContext.setAll(body);
        return GraphResponse.ok(withContext);
    }
}
