package org.ward.simulator.identity;

import static org.ward.simulator.identity.IdentityCharges.PROTECTION;

import java.util.List;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Pages;
import org.ward.simulator.server.PageLimit;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.Tenant;

import tools.jackson.databind.node.ObjectNode;

/**
 * Entra ID Protection: risky users (P2) and risk detections (P1 and above), 1 request per second per tenant,
 * refused without Retry-After. Unlicensed tenants get a plain Forbidden.
 */
public final class IdentityProtection extends IdentityArea {

    private static final RouteAccess RISKY_USERS = RouteAccess.directory("IdentityRiskyUser.Read.All",
            "IdentityRiskyUser.ReadWrite.All");
    private static final RouteAccess RISK_DETECTIONS = RouteAccess.directory("IdentityRiskEvent.Read.All",
            "IdentityRiskEvent.ReadWrite.All");

    public IdentityProtection(Tenant tenant) {
        super(tenant);
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/identityProtection/riskyUsers", RISKY_USERS, PROTECTION, this::riskyUsers)
                .returnsCollection("riskyUser", PageLimit.capped(500)));
        routes.add(Route.of("GET", "/identityProtection/riskDetections", RISK_DETECTIONS, PROTECTION, this::riskDetections)
                .returnsCollection("riskDetection", PageLimit.capped(500)));
    }

    private GraphResponse riskyUsers(GraphCall call) {
        licences.require(Premium.P2, Licences.notLicensed());
        List<ObjectNode> rows = tenant.read(() -> identity().riskyUsers().stream()
                .map(r -> IdentityJson.riskyUser(tenant.user(r.userId()), r)).toList());
        return GraphResponse.ok(Pages.of(call, rows, "identityProtection/riskyUsers", 20, 500));
    }

    private GraphResponse riskDetections(GraphCall call) {
        licences.require(Premium.P1, Licences.notLicensed());
        List<ObjectNode> rows = tenant.read(() -> identity().riskDetections().stream()
                .sorted((a, b) -> b.detectedDateTime().compareTo(a.detectedDateTime()))
                .map(d -> IdentityJson.riskDetection(tenant.user(d.userId()), d, identity().premium())).toList());
        return GraphResponse.ok(Pages.of(call, rows, "identityProtection/riskDetections", 20, 500));
    }
}
