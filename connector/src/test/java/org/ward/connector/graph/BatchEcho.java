package org.ward.connector.graph;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A WireMock extension answering each inner request of a {@code $batch} with 200 and {@code {"id": <its id>}}. */
final class BatchEcho implements ResponseDefinitionTransformerV2 {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode responses = answer.putArray("responses");
        for (JsonNode inner : JSON.readTree(serveEvent.getRequest().getBodyAsString()).path("requests")) {
            ObjectNode response = responses.addObject();
            response.put("id", inner.path("id").asString());
            response.put("status", 200);
            response.putObject("headers").put("Content-Type", "application/json");
            response.putObject("body").put("id", inner.path("id").asString());
        }
        return new ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer.toString()).build();
    }

    @Override
    public String getName() {
        return "batch-echo";
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }
}
