package org.ward.simulator.server;

import java.util.Map;

import org.ward.simulator.auth.Caller;

/**
 * A routed Graph request handed to a resource family.
 *
 * @param request the request
 * @param params the path parameters captured by the route template
 * @param odata the parsed OData query options
 * @param caller the verified application
 */
public record GraphCall(GraphRequest request, Map<String, String> params, ODataQuery odata, Caller caller) {

    public String param(String name) {
        return params.get(name);
    }

    public String query(String name) {
        for (Map.Entry<String, String> e : request.query().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
