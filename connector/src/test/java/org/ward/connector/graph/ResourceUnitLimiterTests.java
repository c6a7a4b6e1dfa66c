package org.ward.connector.graph;

import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResourceUnitLimiterTests {

    private final FakeTime time = new FakeTime();

    @Test
    void holdsABurstUnderTheBudgetInEverySlidingMinute() throws InterruptedException {
        // budget 100 × margin 1.0; 120 list calls of 2 units each = 240 units.
        ResourceUnitLimiter limiter = new ResourceUnitLimiter(100, time, time);
        List<Instant> sent = new ArrayList<>();

        for (int call = 0; call < 120; call++) {
            limiter.acquire(2);
            sent.add(time.instant());
        }

        for (Instant at : sent) {
            long unitsInMinute = sent.stream().filter(t -> !t.isAfter(at) && t.isAfter(at.minusSeconds(60))).count() * 2;
            assertThat(unitsInMinute).isLessThanOrEqualTo(100);
        }
        assertThat(Duration.between(sent.get(0), sent.get(119))).isEqualTo(Duration.ofMinutes(2));
        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(1));
    }

    @Test
    void spendsFreelyWhileUnderTheBudget() throws InterruptedException {
        ResourceUnitLimiter limiter = new ResourceUnitLimiter(1000, time, time);

        for (int call = 0; call < 200; call++) {
            limiter.acquire(5);
        }

        assertThat(time.sleeps()).isEmpty();
        assertThat(limiter.spentInWindow()).isEqualTo(1000);
    }

    @Test
    void letsARequestLargerThanTheWholeBudgetGoAloneIntoAnEmptyWindow() throws InterruptedException {
        ResourceUnitLimiter limiter = new ResourceUnitLimiter(10, time, time);

        limiter.acquire(3);
        limiter.acquire(40);

        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(1));
    }

    @Test
    void followsTheBudgetThroughTheWholeClient() {
        try (WireMockGraph graph = WireMockGraph.start(settings -> settings
                .with("resilience.resource-units-per-minute", "10").with("resilience.resource-unit-margin", "1.0"))) {
            graph.server.stubFor(get(urlPathEqualTo("/v1.0/drives/d1/items/root/children"))
                    .willReturn(okJson("{\"value\":[]}")));

            for (int call = 0; call < 6; call++) {
                graph.client.drives().byDriveId("d1").items().byDriveItemId("root").children().get();
            }

            assertThat(graph.time.sleeps()).containsExactly(Duration.ofMinutes(1)); // 5 × 2 units fit, the 6th waits
            assertThat(graph.traffic.snapshot().resourceUnits()).isEqualTo(12);
        }
    }
}
