package org.ward.connector.graph;

import com.microsoft.graph.drives.item.items.item.invite.InvitePostRequestBody;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.microsoft.graph.models.Drive;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

class GraphResilienceTests {

    private static final String DRIVE = "/v1.0/drives/d1";
    private static final String DRIVE_JSON = "{\"id\":\"d1\",\"name\":\"Documents\"}";

    private WireMockGraph graph;

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void honoursRetryAfterSecondsThenSucceeds() {
        graph = WireMockGraph.start();
        failOnceThenServe(throttled(429).withHeader("Retry-After", "2"));

        Drive drive = graph.client.drives().byDriveId("d1").get();

        assertThat(drive.getName()).isEqualTo("Documents");
        assertThat(graph.time.sleeps()).containsExactly(Duration.ofSeconds(2));
        graph.server.verify(2, getRequestedFor(urlEqualTo(DRIVE)));
    }

    @Test
    void honoursRetryAfterGivenAsAnHttpDate() {
        graph = WireMockGraph.start();
        String inThreeSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(graph.time.instant().plusSeconds(3).atOffset(ZoneOffset.UTC));
        failOnceThenServe(throttled(429).withHeader("Retry-After", inThreeSeconds));

        graph.client.drives().byDriveId("d1").get();

        assertThat(graph.time.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void honoursTheGreaterOfRetryAfterAndRateLimitReset() {
        graph = WireMockGraph.start();
        failOnceThenServe(throttled(429).withHeader("Retry-After", "2").withHeader("RateLimit-Reset", "5"));

        graph.client.drives().byDriveId("d1").get();

        assertThat(graph.time.sleeps()).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void retriesServiceUnavailableWithBackoffWhenGraphSendsNoRetryAfter() {
        graph = WireMockGraph.start();
        failOnceThenServe(throttled(503));

        Drive drive = graph.client.drives().byDriveId("d1").get();

        assertThat(drive.getId()).isEqualTo("d1");
        assertThat(graph.time.sleeps()).containsExactly(Duration.ofMillis(500)); // 1 s step, jitter fixed at 0
        graph.server.verify(2, getRequestedFor(urlEqualTo(DRIVE)));
    }

    @Test
    void retriesAConnectionResetOnAnIdempotentRequest() {
        graph = WireMockGraph.start();
        failOnceThenServe(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Drive drive = graph.client.drives().byDriveId("d1").get();

        assertThat(drive.getName()).isEqualTo("Documents");
        graph.server.verify(2, getRequestedFor(urlEqualTo(DRIVE)));
    }

    @Test
    void neverResendsAPostWhoseConnectionBroke() {
        graph = WireMockGraph.start();
        graph.server.stubFor(post(urlEqualTo("/v1.0/drives/d1/items/i1/invite"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> graph.client.drives().byDriveId("d1").items().byDriveItemId("i1").invite()
                .post(new InvitePostRequestBody()))
                .isInstanceOf(GraphAccessException.class)
                .hasMessageStartingWith("The connection to localhost broke during POST /drives/d1/items/i1/invite")
                .hasMessageEndingWith("Ward does not resend a request that may have changed data: check the result "
                        + "in the tenant, then run again.");
        graph.server.verify(1, postRequestedFor(urlEqualTo("/v1.0/drives/d1/items/i1/invite")));
    }

    @Test
    void neverResendsABodyThatCannotBeReplayed() throws IOException {
        graph = WireMockGraph.start();
        String upload = "/v1.0/drives/d1/items/root/children";
        graph.server.stubFor(post(urlEqualTo(upload)).willReturn(throttled(429).withHeader("Retry-After", "1")));
        RequestBody stream = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get("application/json");
            }

            @Override
            public boolean isOneShot() {
                return true;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8("{\"name\":\"consult.mp4\"}");
            }
        };

        try (Response response = graph.clients.httpClient()
                .newCall(new Request.Builder().url(graph.server.baseUrl() + upload).post(stream).build()).execute()) {
            assertThat(response.code()).isEqualTo(429);
            assertThat(response.header(ResilienceInterceptor.REQUEST_HEADER)).isEqualTo("POST /drives/d1/items/root/children");
        }
        graph.server.verify(1, postRequestedFor(urlEqualTo(upload)));
        assertThat(graph.time.sleeps()).isEmpty();
    }

    @Test
    void malformedJsonFailsWithASentenceNamingTheRequest() {
        graph = WireMockGraph.start();
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"d1\",\"name\":")));

        assertThatThrownBy(() -> graph.errors.call(() -> graph.client.drives().byDriveId("d1").get()))
                .isInstanceOf(GraphAccessException.class)
                .hasMessageStartingWith("Graph answered GET /drives/d1 with malformed JSON (")
                .hasMessageEndingWith("so Ward stops instead of reading it as empty; check proxies between Ward and "
                        + "localhost, then run again.");
    }

    @Test
    void anAnswerCutOffMidStreamIsRetriedLikeABrokenConnection() {
        graph = WireMockGraph.start();
        failOnceThenServe(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));

        Drive drive = graph.client.drives().byDriveId("d1").get();

        assertThat(drive.getName()).isEqualTo("Documents");
        graph.server.verify(2, getRequestedFor(urlEqualTo(DRIVE)));
        assertThat(graph.traffic.snapshot().faults()).isEqualTo(1);
        assertThat(graph.traffic.snapshot().retries()).isEqualTo(1);
    }

    @Test
    void anUnreadableAnswerToAReadIsRetriedThenServed() {
        graph = WireMockGraph.start();
        failOnceThenServe(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"d1\",\"name\":"));

        Drive drive = graph.client.drives().byDriveId("d1").get();

        assertThat(drive.getName()).isEqualTo("Documents");
        graph.server.verify(2, getRequestedFor(urlEqualTo(DRIVE)));
        assertThat(graph.time.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(graph.traffic.snapshot().faults()).isEqualTo(1);
    }

    @Test
    void aThrottledPauseIsCountedOnceHoweverManyWaitForIt() {
        graph = WireMockGraph.start();
        failOnceThenServe(throttled(429).withHeader("Retry-After", "2"));

        graph.client.drives().byDriveId("d1").get();

        assertThat(graph.traffic.snapshot().throttled()).isEqualTo(1);
        assertThat(graph.traffic.snapshot().throttledWaitMillis()).isEqualTo(2_000);
    }

    @Test
    void anErrorPageFromSomethingOtherThanGraphIsNamedClearly() {
        graph = WireMockGraph.start();
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Not here</body></html>")));

        assertThatThrownBy(() -> graph.errors.call(() -> graph.client.drives().byDriveId("d1").get()))
                .isInstanceOf(GraphAccessException.class)
                .hasMessage("Something other than Graph answered GET /drives/d1 with 404 and a text/html page "
                        + "(\"<html><body>Not here</body></html>\"): check ward.graph.base-url and any proxy between "
                        + "Ward and localhost.");
    }

    @Test
    void exhaustedRetriesFailClearlyWithoutHanging() {
        graph = WireMockGraph.start(settings -> settings.with("resilience.max-retries", "3"));
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(throttled(503)));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> graph.client.drives().byDriveId("d1").get())
                        .isInstanceOf(GraphAccessException.class)
                        .hasMessage("Graph kept answering 503 to GET /drives/d1 through 4 attempts over 3.5 s "
                                + "(ward.graph.resilience.max-retries allows 3 retries): the service is busy or "
                                + "unavailable; check Microsoft 365 service health and run again later."));
        assertThat(graph.time.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
    }

    @Test
    void onlyOneRetryLayerExists() {
        graph = WireMockGraph.start();
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(throttled(503).withHeader("Retry-After", "1")));

        assertThatThrownBy(() -> graph.client.drives().byDriveId("d1").get()).isInstanceOf(GraphAccessException.class);

        // max-retries 6 → exactly 7 attempts: not multiplied by Kiota's RetryHandler or OkHttp's own retry.
        graph.server.verify(7, getRequestedFor(urlEqualTo(DRIVE)));
    }

    @Test
    void retryAfterLongerThanAllowedFailsInsteadOfWaiting() {
        graph = WireMockGraph.start();
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(throttled(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> graph.client.drives().byDriveId("d1").get())
                .hasMessage("Graph asked Ward to wait 3600 s before retrying GET /drives/d1 (429), longer than "
                        + "ward.graph.resilience.max-retry-after (300 s): run the scan later or raise that setting.");
        assertThat(graph.time.sleeps()).isEmpty();
    }

    @Test
    void sendsMicrosoftsDecoratedUserAgent() {
        graph = WireMockGraph.start(settings -> settings.with("user-agent.company", "Contoso")
                .with("user-agent.version", "1.2.3"));
        graph.server.stubFor(get(urlEqualTo(DRIVE)).willReturn(okJson(DRIVE_JSON)));

        graph.client.drives().byDriveId("d1").get();

        graph.server.verify(getRequestedFor(urlEqualTo(DRIVE)).withHeader("User-Agent", equalTo("NONISV|Contoso|Ward/1.2.3")));
    }

    @Test
    void countsEveryAttemptInTrafficAndMetrics() {
        graph = WireMockGraph.start();
        failOnceThenServe(throttled(429).withHeader("Retry-After", "1"));

        graph.client.drives().byDriveId("d1").get();

        assertThat(graph.traffic.snapshot()).isEqualTo(new GraphTraffic.Snapshot(2, 2, 1, 1, 1_000, 0));
        assertThat(graph.meters.get("ward.graph.requests").tag("method", "GET").tag("status", "4xx").counter().count())
                .isEqualTo(1);
        assertThat(graph.meters.get("ward.graph.resource.units").counter().count()).isEqualTo(2);
        assertThat(graph.meters.get("ward.graph.throttled").counter().count()).isEqualTo(1);
        assertThat(graph.meters.get("ward.graph.retries").counter().count()).isEqualTo(1);
    }

    private void failOnceThenServe(ResponseDefinitionBuilder failure) {
        graph.server.stubFor(get(urlEqualTo(DRIVE)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(failure).willSetStateTo("recovered"));
        graph.server.stubFor(get(urlEqualTo(DRIVE)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(DRIVE_JSON)));
    }

    static ResponseDefinitionBuilder throttled(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + (status == 429 ? "TooManyRequests" : "serviceNotAvailable")
                        + "\",\"message\":\"Slow down.\"}}");
    }
}
