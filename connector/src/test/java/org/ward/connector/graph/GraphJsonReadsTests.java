package org.ward.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Answers read by a streaming reader are not tokenised by the resilience layer first; the reader's own pass finds a
 * cut-off or malformed body, and it is retried and reported exactly as the resilience layer would have done.
 */
class GraphJsonReadsTests {

    private static final String DRIVE = "/v1.0/drives/d1";

    /** Reads the drive's name, streaming; stops at the end of the top-level object like the delta readers. */
    private static final Function<JsonParser, String> NAME = parser -> {
        String name = null;
        parser.nextToken();
        for (String field = parser.nextName(); field != null; field = parser.nextName()) {
            parser.nextToken();
            if (field.equals("name")) {
                name = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        return name;
    };

    private WireMockGraph graph;

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aStreamedAnswerCutOffMidStreamIsReadAgainLikeABrokenConnection() {
        graph = WireMockGraph.start();
        failOnceThenServe(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        assertThat(read()).isEqualTo("Documents");
        graph.server.verify(2, getRequestedFor(urlEqualTo(DRIVE)));
        assertThat(graph.traffic.snapshot().faults()).isEqualTo(1);
        assertThat(graph.traffic.snapshot().retries()).isEqualTo(1);
    }

    @Test
    void aStreamedAnswerWithMalformedJsonIsReadAgainThenServed() {
        graph = WireMockGraph.start();
        failOnceThenServe(json("{\"id\":\"d1\",\"name\":"));

        assertThat(read()).isEqualTo("Documents");
        graph.server.verify(2, getRequestedFor(urlEqualTo(DRIVE)));
        assertThat(graph.time.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(graph.traffic.snapshot().faults()).isEqualTo(1);
    }

    @Test
    void aStreamedAnswerThatStaysMalformedFailsWithTheResilienceLayersSentence() {
        graph = WireMockGraph.start();
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(json("{\"id\":\"d1\",\"name\":\"Documents\"} {\"id\":\"d2\"}")));

        assertThatThrownBy(this::read).isInstanceOf(GraphAccessException.class)
                .hasMessage("Graph answered GET /drives/d1 with malformed JSON (more content after the JSON value): the"
                        + " answer was cut off or changed on its way, so Ward stops instead of reading it as empty; check"
                        + " proxies between Ward and localhost, then run again.");
        graph.server.verify(graph.settings.resilience().maxRetries() + 1, getRequestedFor(urlEqualTo(DRIVE)));
    }

    @Test
    void anEmptyStreamedAnswerIsNotReadAsAnEmptyPage() {
        graph = WireMockGraph.start();
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(json("")));

        assertThatThrownBy(this::read).isInstanceOf(GraphAccessException.class)
                .hasMessageStartingWith("Graph answered GET /drives/d1 with an empty body instead of JSON: ");
    }

    @Test
    void aStreamedAnswerThatIsNotJsonAtAllIsStillRefusedByTheResilienceLayer() {
        graph = WireMockGraph.start();
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Sign in to the proxy</html>")));

        assertThatThrownBy(this::read).isInstanceOf(GraphAccessException.class)
                .hasMessageStartingWith("Graph answered GET /drives/d1 with text/html instead of JSON: ");
    }

    @Test
    void aWellFormedValueOfTheWrongKindIsTheReadersConcernAndNotRetried() {
        graph = WireMockGraph.start();
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(okJson("{\"id\":\"d1\",\"size\":\"large\"}")));
        Function<JsonParser, Long> size = parser -> {
            while (parser.nextToken() != JsonToken.VALUE_STRING) {
                // to the size
            }
            return parser.getLongValue();
        };

        assertThatThrownBy(() -> reads().read(graph.client.drives().byDriveId("d1").toGetRequestInformation(), size))
                .isInstanceOf(GraphAccessException.class);
        graph.server.verify(1, getRequestedFor(urlEqualTo(DRIVE)));
    }

    @Test
    void streamedAnswersCutOffEveryTimeOpenTheCircuitBreaker() {
        // 75 %: were the answer's headers also counted as a success, four cut-off attempts would be only half failures.
        graph = WireMockGraph.start(settings -> settings.with("resilience.breaker.window", "4")
                .with("resilience.breaker.minimum-calls", "4").with("resilience.breaker.failure-rate-percent", "75")
                .with("resilience.max-retries", "3"));
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(this::read).isInstanceOf(GraphAccessException.class)
                .hasMessageStartingWith("The connection to localhost kept failing for GET /drives/d1 through 4 attempts");
        assertThat(graph.resilience.breaker().state()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
    }

    private String read() {
        return reads().read(graph.client.drives().byDriveId("d1").toGetRequestInformation(), NAME);
    }

    private GraphJsonReads reads() {
        return new GraphJsonReads(graph.client, graph.errors, graph.resilience);
    }

    private void failOnceThenServe(ResponseDefinitionBuilder failure) {
        graph.server.stubFor(get(urlEqualTo(DRIVE)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("recovered"));
        graph.server.stubFor(get(urlEqualTo(DRIVE)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"id\":\"d1\",\"name\":\"Documents\"}")));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
