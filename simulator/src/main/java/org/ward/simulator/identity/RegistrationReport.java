package org.ward.simulator.identity;

import static org.ward.simulator.identity.IdentityCharges.REPORT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Pages;
import org.ward.simulator.server.PageLimit;
import org.ward.simulator.server.Route;
import org.ward.simulator.server.RouteAccess;
import org.ward.simulator.server.Routes;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.Registration;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.node.ObjectNode;

/**
 * The MFA registration report: the authentication methods each enabled user has registered. Needs Entra ID P1 or
 * P2; identity reports allow 5 requests per 10 s per app.
 */
public final class RegistrationReport extends IdentityArea {

    private static final RouteAccess REGISTRATION = RouteAccess.directory("AuditLog.Read.All",
            "UserAuthenticationMethod.Read.All");

    public RegistrationReport(Tenant tenant) {
        super(tenant);
    }

    @Override
    public void register(Routes routes) {
        routes.add(Route.of("GET", "/reports/authenticationMethods/userRegistrationDetails", REGISTRATION,
                REPORT, this::registrations).returnsCollection("userRegistrationDetails", PageLimit.capped(1000)));
    }

    private GraphResponse registrations(GraphCall call) {
        licences.require(Premium.P1, Licences.NON_PREMIUM);
        List<ObjectNode> rows = tenant.read(() -> {
            Set<String> admins = new java.util.HashSet<>();
            identity().roleAssignments().forEach(a -> admins.add(a.principalId()));
            List<ObjectNode> out = new ArrayList<>();
            for (User user : tenant.users()) {
                // The report does not cover disabled accounts (Entra: authentication methods activity).
                if (!user.accountEnabled()) {
                    continue;
                }
                Registration r = identity().registration(user.id());
                if (r == null) {
                    r = new Registration(user.id(), List.of(), user.createdDateTime());
                }
                out.add(IdentityJson.registration(user, r, admins.contains(user.id())));
            }
            return out;
        });
        return GraphResponse.ok(Pages.of(call, rows, "reports/authenticationMethods/userRegistrationDetails", 100, 1000));
    }
}
