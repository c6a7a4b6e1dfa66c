package org.ward.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GraphCircuitBreakerTests {

    private final WireMockGraph graph = WireMockGraph.start(settings -> settings
            .with("resilience.breaker.window", "4").with("resilience.breaker.minimum-calls", "4"));

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void repeatedServerErrorsOpenTheBreakerAndLaterCallsFailFast() {
        graph.server.stubFor(get(urlEqualTo("/v1.0/drives/d1")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"generalException\",\"message\":\"Boom.\"}}")));
        for (int call = 0; call < 4; call++) {
            assertThatThrownBy(() -> graph.errors.call(() -> graph.client.drives().byDriveId("d1").get()))
                    .hasMessage("Graph failed on GET /drives/d1 (500 generalException): Boom; check Microsoft 365 "
                            + "service health and run again.");
        }

        assertThatThrownBy(() -> graph.client.drives().byDriveId("d1").get())
                .isInstanceOf(GraphAccessException.class)
                .hasMessage("Graph at localhost keeps failing: after repeated server errors or connection failures Ward "
                        + "stopped calling it for 30 s (circuit breaker open), so GET /drives/d1 was not sent; check "
                        + "Microsoft 365 service health and the network path to localhost, then run again.");
        graph.server.verify(4, getRequestedFor(urlEqualTo("/v1.0/drives/d1")));
    }
}
