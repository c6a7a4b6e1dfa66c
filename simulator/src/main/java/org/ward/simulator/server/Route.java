package org.ward.simulator.server;

import java.util.ArrayList;
import java.util.List;

import org.ward.simulator.throttle.Charge;
import org.ward.simulator.throttle.ChargeRule;

/**
 * One Graph operation: method and path template (segments in braces capture parameters), the permissions that
 * suffice, what it costs against the throttling budgets, its handler, and what it answers with: the Graph type of
 * its entity (or of each entity of its collection) and the page sizes it allows. The pipeline refuses query options
 * the answer's type cannot take, as Graph does, and then runs the route's own {@link QueryCheck}s.
 *
 * @param type the Graph type it answers with ("driveItem"), or null for an answer without a body
 * @param collection whether it answers with a collection of that type
 * @param pages the {@code $top} it allows, for a collection; null for a collection Graph answers whole
 * @param checks the route's own refusals, run after the generic ones
 */
public record Route(String method, String template, List<String> segments, RouteAccess access, ChargeRule charge,
        RouteHandler handler, String type, boolean collection, PageLimit pages, List<QueryCheck> checks) {

    public static Route of(String method, String template, RouteAccess access, ChargeRule charge, RouteHandler handler) {
        List<String> segments = List.of(template.substring(1).split("/"));
        return new Route(method, template, segments, access, charge, handler, null, false, null, List.of());
    }

    /** It answers with one entity (or complex value) of that Graph type. */
    public Route returns(String graphType) {
        return new Route(method, template, segments, access, charge, handler, graphType, false, null, checks);
    }

    /** It answers with a collection of that Graph type, in pages no larger than the limit allows. */
    public Route returnsCollection(String graphType, PageLimit limit) {
        return new Route(method, template, segments, access, charge, handler, graphType, true, limit, checks);
    }

    /** Adds a refusal of its own (say, an expansion Microsoft documents as unsupported on this operation). */
    public Route checkedBy(QueryCheck check) {
        List<QueryCheck> more = new ArrayList<>(checks);
        more.add(check);
        return new Route(method, template, segments, access, charge, handler, type, collection, pages, List.copyOf(more));
    }

    public Charge chargeFor(GraphCall call) {
        return charge.charge(call);
    }
}
