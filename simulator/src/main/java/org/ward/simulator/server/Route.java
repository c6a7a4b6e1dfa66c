package org.ward.simulator.server;

import java.util.List;

import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

/**
 * One Graph operation: method and path template (segments in braces capture parameters), the permissions that
 * suffice, what it costs against the throttling budgets, and its handler.
 */
public record Route(String method, String template, List<String> segments, RouteAccess access, ChargeRule charge,
        RouteHandler handler) {

    public static Route of(String method, String template, RouteAccess access, ChargeRule charge, RouteHandler handler) {
        List<String> segments = List.of(template.substring(1).split("/"));
        return new Route(method, template, segments, access, charge, handler);
    }

    public Charge chargeFor(GraphCall call) {
        return charge.charge(call);
    }
}
