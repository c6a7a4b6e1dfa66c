package org.ward.simulator.server;

import java.util.Map;

import org.ward.simulator.auth.Caller;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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

    /**
     * The request body as a JSON object (an empty one when there is no body), refusing what Graph refuses: a body
     * that is not JSON, or JSON that is not an object.
     */
    public ObjectNode jsonBody() {
        if (request.body().length == 0) {
            return Json.object();
        }
        JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (JacksonException e) {
            throw GraphException.badRequest("Unable to read JSON request payload. Please ensure Content-Type header is set"
                    + " and payload is of valid JSON format.");
        }
        if (!(body instanceof ObjectNode object)) {
            throw GraphException.badRequest("The request body must be a JSON object.");
        }
        return object;
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
