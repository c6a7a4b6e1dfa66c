package org.ward.simulator.identity;

import org.ward.simulator.throttle.Buckets;
import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

/** What identity requests cost against Microsoft's limits: reports, Identity Protection, the directory. */
final class IdentityCharges {

    static final ChargeRule REPORT = ChargeRule.fixed(new Charge(Buckets.REPORTS, 1));
    static final ChargeRule PROTECTION = ChargeRule.fixed(new Charge(Buckets.IDENTITY_PROTECTION, 1));
    static final ChargeRule DIRECTORY = ChargeRule.fixed(Charge.directory(1));

    private IdentityCharges() {
    }
}
