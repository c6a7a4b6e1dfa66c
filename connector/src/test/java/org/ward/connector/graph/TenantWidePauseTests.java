package org.ward.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.microsoft.graph.models.Drive;

class TenantWidePauseTests {

    private final WireMockGraph graph = WireMockGraph.start();
    private final ExecutorService threadA = Executors.newSingleThreadExecutor(task -> new Thread(task, "thread-a"));

    @AfterEach
    void stop() {
        threadA.shutdownNow();
        graph.close();
    }

    @Test
    void aThrottleOnOneThreadPausesTheOtherThreads() throws Exception {
        graph.server.stubFor(get(urlEqualTo("/v1.0/drives/a")).inScenario("a").whenScenarioStateIs(STARTED)
                .willReturn(GraphResilienceTests.throttled(429).withHeader("Retry-After", "2")).willSetStateTo("ok"));
        graph.server.stubFor(get(urlEqualTo("/v1.0/drives/a")).inScenario("a").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"id\":\"a\"}")));
        graph.server.stubFor(get(urlEqualTo("/v1.0/drives/b")).willReturn(okJson("{\"id\":\"b\"}")));
        CountDownLatch aIsWaiting = new CountDownLatch(1);
        CountDownLatch bIsDone = new CountDownLatch(1);
        // Thread A, throttled, holds inside its wait until thread B has tried to send.
        graph.time.beforeAdvance(sleep -> {
            if (sleep.thread().equals("thread-a")) {
                aIsWaiting.countDown();
                await(bIsDone);
            }
        });

        Future<Drive> a = threadA.submit(() -> graph.client.drives().byDriveId("a").get());
        assertThat(aIsWaiting.await(30, TimeUnit.SECONDS)).isTrue();
        Drive b = graph.client.drives().byDriveId("b").get();
        bIsDone.countDown();

        assertThat(b.getId()).isEqualTo("b");
        assertThat(a.get(30, TimeUnit.SECONDS).getId()).isEqualTo("a");
        assertThat(graph.time.sleepsOf(Thread.currentThread().getName())).containsExactly(Duration.ofSeconds(2));
        graph.server.verify(1, getRequestedFor(urlEqualTo("/v1.0/drives/b")));
        assertThat(urlsInArrivalOrder()).containsExactly("/v1.0/drives/a", "/v1.0/drives/b", "/v1.0/drives/a");
    }

    private List<String> urlsInArrivalOrder() {
        return graph.server.getAllServeEvents().stream()
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(ServeEvent::getRequest).map(request -> request.getUrl()).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
