package org.ward.simulator.fidelity;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Test;
import org.ward.simulator.GraphHttp;
import org.ward.simulator.Simulator;
import org.ward.simulator.SimulatorMain;
import org.ward.simulator.fixture.TenantGenerator;
import org.ward.simulator.subscriptions.NotificationSettings;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.throttle.Latency;

/**
 * Every JSON object the simulator answers with, on every route, is Graph's own shape: the fields of the official
 * SDK's model for its type (and the few real Graph sends beyond it, each with its source), values of the right kind,
 * enum values that are members of the SDK's enums. Driven through the demo tenant and a generated one.
 */
class FidelityTests {

    /** The tour subscribes with a plain-HTTP receiver on loopback. */
    private static final NotificationSettings LOOPBACK = NotificationSettings.immediate().allowingHttpOnLoopback();

    @Test
    void everyAnswerOnEveryRouteOfTheDemoTenantIsInGraphsModel() {
        try (Simulator simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF)
                .throttling(false).notifications(LOOPBACK).start()) {
            FidelityTour tour = new FidelityTour(simulator, ward(simulator)).run();

            assertThat(tour.unvisited()).as("routes the tour did not drive").isEmpty();
            assertThat(tour.violations()).as("fields and values outside Graph's model in %d answers", tour.answers()).isEmpty();
        }
    }

    @Test
    void everyAnswerOnEveryRouteOfAGeneratedTenantIsInGraphsModel() {
        TenantGenerator generator = new TenantGenerator(6, 40, 11, 1_500);
        try (Simulator simulator = Simulator.builder()
                .tenant((clock, authority) -> generator.generate(clock, "fidelity-secret", SimulatorMain.FULL_PERMISSIONS))
                .latency(Latency.OFF).throttling(false).notifications(LOOPBACK).start()) {
            FidelityTour tour = new FidelityTour(simulator, GraphHttp.signIn(simulator, clientId(simulator, "Ward"),
                    "fidelity-secret")).run();

            assertThat(tour.unvisited()).as("routes the tour did not drive").isEmpty();
            assertThat(tour.violations()).as("fields and values outside Graph's model in %d answers", tour.answers()).isEmpty();
        }
    }

    private static GraphHttp ward(Simulator simulator) {
        return GraphHttp.signIn(simulator, simulator.info().clientId(), simulator.info().clientSecret());
    }

    private static String clientId(Simulator simulator, String name) {
        return simulator.tenant().read(() -> simulator.tenant().apps().stream().filter(a -> a.displayName().equals(name))
                .map(AppRegistration::clientId).findFirst().orElseThrow());
    }

}
