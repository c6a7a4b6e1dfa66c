package org.ward.simulator.throttle;

import org.ward.simulator.server.GraphCall;

/** Decides what a routed request costs; most routes have a fixed charge, some depend on the query (delta, $expand). */
@FunctionalInterface
public interface ChargeRule {

    Charge charge(GraphCall call);

    static ChargeRule fixed(Charge charge) {
        return call -> charge;
    }

    /**
     * SharePoint and OneDrive costs as Microsoft publishes them: any permission operation, including
     * {@code $expand=permissions}, costs 5 units; otherwise the given base cost.
     */
    static ChargeRule sharePoint(int baseUnits) {
        return call -> Charge.sharePoint(call.odata().expands("permissions") ? 5 : baseUnits);
    }
}
