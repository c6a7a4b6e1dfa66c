package org.ward.simulator.server;

import java.util.List;
import java.util.Locale;

/**
 * Refuses the query options Graph refuses before any workload sees the request, checked against Graph's own model
 * ({@link GraphModel}) for the type the route answers with:
 * <ul>
 * <li>{@code $select} or {@code $expand} of a property the type does not have: 400 {@code BadRequest} "Parsing OData
 * Select and Expand failed: Could not find a property named 'usedLicenseCount' on type 'microsoft.graph.mobileApp'."
 * (a real answer quoted in microsoftgraph/microsoft-graph-docs-contrib#4529; the same parse fails for both options);
 * {@code $expand} of a primitive property fails the same parse;</li>
 * <li>{@code $filter} on a property the type does not have: 400 {@code BadRequest} "Invalid filter clause: Could not
 * find a property named 'meeting' on type 'microsoft.graph.chat'." (Graph's answer to a filter on an unknown
 * property, e.g. microsoftgraph/microsoft-graph-docs-contrib#1679, #727);</li>
 * <li>{@code $top} outside the route's {@link PageLimit}.</li>
 * </ul>
 * The route's own {@link QueryCheck}s (the directory's filterable properties, unsupported expansions) are the
 * service's answers, given after the caller's permissions are checked.
 */
final class QueryValidation {

    private static final String SELECT_EXPAND = "Parsing OData Select and Expand failed: ";

    private QueryValidation() {
    }

    static void validate(GraphCall call, Route route) {
        if (route.type() != null) {
            GraphModel model = GraphModel.of(call.request().version());
            GraphModel.StructuredType type = model.type(route.type());
            if (type == null) {
                throw new IllegalStateException("Route " + route.template() + " answers with " + route.type()
                        + ", which the simulator's Graph model does not have");
            }
            ODataQuery odata = call.odata();
            if (odata.select() != null) {
                select(model, type, odata.select());
            }
            for (ODataQuery.Expand expand : odata.expand()) {
                expand(model, type, expand.name(), expand.options());
            }
            if (odata.filter() != null) {
                odata.filter().checkProperties(model, type);
            }
        }
        if (route.pages() != null) {
            route.pages().check(call.odata().top());
        }
    }

    /** The route's own rules, which its service applies once it has accepted the caller. */
    static void routeChecks(GraphCall call, Route route) {
        for (QueryCheck check : route.checks()) {
            check.check(call);
        }
    }

    private static void select(GraphModel model, GraphModel.StructuredType type, Iterable<String> names) {
        if (GraphModel.open(type.name())) {
            return;
        }
        for (String raw : names) {
            String name = raw.trim();
            if (name.equals("*") || name.isEmpty()) {
                continue;
            }
            String first = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
            if (model.propertyOfTypeOrDerived(type, first) == null) {
                throw unknown(first, type);
            }
        }
    }

    private static void expand(GraphModel model, GraphModel.StructuredType type, String rawName, String options) {
        String name = rawName.trim();
        if (name.equals("*") || GraphModel.open(type.name())) {
            return;
        }
        GraphModel.TypeRef ref = model.propertyOfTypeOrDerived(type, name);
        if (ref == null) {
            throw unknown(name, type);
        }
        GraphModel.StructuredType target = ref.primitive() ? null : model.type(ref.name());
        if (target == null) {
            if (ref.primitive() || model.enumType(ref.name()) != null) {
                throw GraphException.badRequest(SELECT_EXPAND + "Property '" + name + "' on type '" + type.qualifiedName()
                        + "' is not a navigation property or complex property. Only navigation properties can be expanded.");
            }
            // A navigation property to a type the simulator does not serve: Graph would expand it, the simulator
            // has nothing to expand it with.
            return;
        }
        for (String option : ODataQuery.splitTopLevel(options, ';')) {
            int eq = option.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = option.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = option.substring(eq + 1);
            if (key.equals("$select") || key.equals("select")) {
                select(model, target, ODataQuery.splitTopLevel(value, ','));
            } else if (key.equals("$expand") || key.equals("expand")) {
                for (String inner : ODataQuery.splitTopLevel(value, ',')) {
                    String p = inner.trim();
                    int paren = p.indexOf('(');
                    expand(model, target, paren < 0 ? p : p.substring(0, paren),
                            paren < 0 ? "" : p.substring(paren + 1, p.length() - 1));
                }
            }
        }
    }

    private static GraphException unknown(String property, GraphModel.StructuredType type) {
        return GraphException.badRequest(SELECT_EXPAND + "Could not find a property named '" + property + "' on type '"
                + type.qualifiedName() + "'.");
    }

    /** Every route that answers with a body names a type the model has (checked when the simulator starts). */
    static void checkTypes(List<Route> routes) {
        for (Route route : routes) {
            if (route.type() != null && GraphModel.v1().type(route.type()) == null) {
                throw new IllegalStateException("Route " + route.method() + " " + route.template() + " answers with "
                        + route.type() + ", which the simulator's Graph model does not have");
            }
        }
    }
}
