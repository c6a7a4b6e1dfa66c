package org.ward.connector.graph;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * WireMock playing Graph over http, and a real SDK client built by {@link GraphClients} with only the
 * authentication swapped for an anonymous provider (the Azure token provider refuses plain http).
 */
final class WireMockGraph implements AutoCloseable {

    final WireMockServer server;
    final FakeTime time = new FakeTime();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final GraphTraffic traffic = new GraphTraffic(meters);
    final GraphSettings settings;
    final GraphResilience resilience;
    final GraphClients clients;
    final GraphServiceClient client;
    final GraphErrors errors;

    private WireMockGraph(WireMockConfiguration config, UnaryOperator<TestSettings> customise) {
        server = new WireMockServer(config.dynamicPort());
        server.start();
        settings = customise.apply(TestSettings.valid().pointingAt(server.baseUrl())).bind();
        // Jitter fixed at 0: backoff waits are exactly half the exponential step, so tests can assert them.
        resilience = new GraphResilience(settings, traffic, time, time, () -> 0.0);
        clients = new GraphClients(settings, resilience);
        client = clients.create(new AnonymousAuthenticationProvider());
        errors = new GraphErrors(settings);
    }

    static WireMockGraph start() {
        return start(settings -> settings);
    }

    static WireMockGraph start(UnaryOperator<TestSettings> customise) {
        return new WireMockGraph(wireMockConfig(), customise);
    }

    static WireMockGraph start(WireMockConfiguration config, UnaryOperator<TestSettings> customise) {
        return new WireMockGraph(config, customise);
    }

    @Override
    public void close() {
        server.stop();
    }
}
