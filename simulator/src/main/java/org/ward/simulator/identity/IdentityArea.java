package org.ward.simulator.identity;

import org.ward.simulator.server.ResourceFamily;
import org.ward.simulator.tenant.IdentityData;
import org.ward.simulator.tenant.Tenant;

/** One Graph area of identity data, answering for the tenant it serves and refusing what its licence does not allow. */
abstract class IdentityArea implements ResourceFamily {

    final Tenant tenant;
    final Licences licences;

    IdentityArea(Tenant tenant) {
        this.tenant = tenant;
        this.licences = new Licences(tenant);
    }

    IdentityData identity() {
        return tenant.identity();
    }
}
