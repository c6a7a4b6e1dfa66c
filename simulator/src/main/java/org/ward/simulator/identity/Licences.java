package org.ward.simulator.identity;

import org.ward.simulator.server.GraphException;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.Tenant;

/** How the identity endpoints refuse a tenant without the Entra ID licence they need. */
final class Licences {

    /** Microsoft's troubleshooting article gives this body; third parties consistently report it with 403. */
    static final GraphException NON_PREMIUM = new GraphException(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
            "Neither tenant is B2C or tenant doesn't have premium license");
    /** Identity Protection and Conditional Access refuse unlicensed tenants with a plain Forbidden (observed, not documented). */
    static final String NOT_LICENSED = "Your tenant is not licensed for this feature.";

    private final Tenant tenant;

    Licences(Tenant tenant) {
        this.tenant = tenant;
    }

    void require(Premium needed, GraphException refusal) {
        if (!tenant.read(() -> tenant.identity().premium()).atLeast(needed)) {
            throw copy(refusal);
        }
    }

    static GraphException copy(GraphException e) {
        return new GraphException(e.status(), e.code(), e.getMessage());
    }

    static GraphException notLicensed() {
        return new GraphException(403, "Forbidden", NOT_LICENSED);
    }
}
