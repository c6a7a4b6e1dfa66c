package org.ward.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.kiota.RequestInformation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GraphBatchTests {

    private static final String BATCH = "/v1.0/$batch";

    private WireMockGraph graph;

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void retriesOnlyTheThrottledInnerRequestsAfterTheLargestInnerRetryAfter() {
        graph = WireMockGraph.start();
        graph.server.stubFor(post(urlEqualTo(BATCH)).inScenario("batch").whenScenarioStateIs(STARTED)
                .willReturn(okJson("""
                        {"responses":[
                          {"id":"a","status":200,"headers":{"Content-Type":"application/json"},"body":{"id":"i1"}},
                          {"id":"b","status":429,"headers":{"Retry-After":"3"},
                           "body":{"error":{"code":"TooManyRequests","message":"Slow down."}}},
                          {"id":"c","status":429,"headers":{"Retry-After":"7"},
                           "body":{"error":{"code":"TooManyRequests","message":"Slow down."}}}
                        ]}""")).willSetStateTo("retry"));
        graph.server.stubFor(post(urlEqualTo(BATCH)).inScenario("batch").whenScenarioStateIs("retry")
                .willReturn(okJson("""
                        {"responses":[
                          {"id":"c","status":200,"headers":{"Content-Type":"application/json"},"body":{"id":"i3"}},
                          {"id":"b","status":200,"headers":{"Content-Type":"application/json"},"body":{"id":"i2"}}
                        ]}""")));
        GraphBatch batch = new GraphBatch(graph.client, graph.resilience, graph.errors);

        Map<String, BatchOutcome> outcomes = batch.send(Map.of("a", item("i1"), "b", item("i2"), "c", item("i3")));

        assertThat(outcomes).allSatisfy((id, outcome) -> assertThat(outcome.status()).isEqualTo(200));
        assertThat(outcomes.get("c").read(DriveItem::createFromDiscriminatorValue).getId()).isEqualTo("i3");
        assertThat(outcomes.get("b").request()).isEqualTo("GET /drives/d1/items/i2");
        assertThat(graph.time.sleeps()).containsExactly(Duration.ofSeconds(7));
        List<LoggedRequest> sent = graph.server.findAll(postRequestedFor(urlEqualTo(BATCH)));
        assertThat(ids(sent.get(0))).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ids(sent.get(1))).containsExactlyInAnyOrder("b", "c");
        assertThat(graph.traffic.snapshot()).isEqualTo(new GraphTraffic.Snapshot(2, 3 + 2, 2, 2, 7_000, 0));
    }

    @Test
    void sendsAtMostTwentyRequestsPerBatch() {
        graph = WireMockGraph.start(wireMockConfig().extensions(new BatchEcho()), settings -> settings);
        graph.server.stubFor(post(urlEqualTo(BATCH)).willReturn(aResponse().withTransformers("batch-echo")));
        Map<String, RequestInformation> requests = new LinkedHashMap<>();
        for (int n = 1; n <= 25; n++) {
            requests.put("item-" + n, item("i" + n));
        }

        Map<String, BatchOutcome> outcomes = new GraphBatch(graph.client, graph.resilience, graph.errors).send(requests);

        assertThat(outcomes).hasSize(25).containsOnlyKeys(requests.keySet());
        assertThat(outcomes.get("item-25").read(DriveItem::createFromDiscriminatorValue).getId()).isEqualTo("item-25");
        List<LoggedRequest> sent = graph.server.findAll(postRequestedFor(urlEqualTo(BATCH)));
        assertThat(sent).extracting(request -> ids(request).size()).containsExactly(20, 5);
    }

    @Test
    void aRefusedInnerRequestBecomesASentenceNamingItsPermissions() {
        graph = WireMockGraph.start();
        graph.server.stubFor(post(urlEqualTo(BATCH)).willReturn(okJson("""
                {"responses":[{"id":"p","status":403,"headers":{"Content-Type":"application/json"},
                  "body":{"error":{"code":"accessDenied","message":"Access denied"}}}]}""")));
        RequestInformation permissions = graph.client.drives().byDriveId("d1").items().byDriveItemId("i1").permissions()
                .toGetRequestInformation();

        BatchOutcome outcome = new GraphBatch(graph.client, graph.resilience, graph.errors)
                .send(Map.of("p", permissions)).get("p");

        assertThat(graph.errors.translate(outcome)).hasMessage("Graph refused GET /drives/d1/items/i1/permissions "
                + "(403 accessDenied): the app lacks the application permission(s) Sites.Read.All or Files.Read.All; "
                + "grant admin consent for Sites.Read.All or Files.Read.All to app " + TestSettings.CLIENT + ".");
    }

    private RequestInformation item(String id) {
        return graph.client.drives().byDriveId("d1").items().byDriveItemId(id).toGetRequestInformation();
    }

    private static List<String> ids(LoggedRequest request) {
        JsonNode body = JsonMapper.builder().build().readTree(request.getBodyAsString());
        return body.path("requests").valueStream().map(inner -> inner.path("id").asString()).toList();
    }
}
