package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.throttle.Faults;
import org.ward.simulator.throttle.Latency;

import tools.jackson.core.JacksonException;

/** Faults at the wire, one kind at a time at rate 1.0, switched at runtime; and latency. */
class FaultInjectionTests {

    static Simulator simulator;
    static GraphHttp graph;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.reader(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void healthyAgain() {
        simulator.setFaults(Faults.NONE);
        simulator.setLatency(Latency.OFF);
        simulator.requestLog().clear();
    }

    static Faults only(double serviceUnavailable, double gatewayTimeout, double reset, double malformed, double truncated) {
        return new Faults(serviceUnavailable, gatewayTimeout, reset, malformed, truncated, 0, Duration.ofSeconds(5), 1);
    }

    static RequestLogEntry lastLogged() {
        var entries = simulator.requestLog().entries();
        return entries.get(entries.size() - 1);
    }

    @Test
    void injectsNoFaultsByDefault() {
        IntStream.range(0, 30).forEach(i -> assertThat(graph.get("/users").status()).isEqualTo(200));

        assertThat(simulator.requestLog().entries()).hasSize(30).allSatisfy(e -> assertThat(e.fault()).isEqualTo("none"));
    }

    @Test
    void answers503WithRetryAfter() {
        simulator.setFaults(only(1, 0, 0, 0, 0));

        Reply reply = graph.get("/users");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.header("Retry-After")).isEqualTo("2");
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("serviceNotAvailable");
        assertThat(lastLogged().fault()).isEqualTo("serviceUnavailable");
        assertThat(lastLogged().status()).isEqualTo(503);
    }

    @Test
    void answers504() {
        simulator.setFaults(only(0, 1, 0, 0, 0));

        Reply reply = graph.get("/users");

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.json().path("error").path("code").asString()).isEqualTo("gatewayTimeout");
        assertThat(lastLogged().fault()).isEqualTo("gatewayTimeout");
    }

    @Test
    void dropsTheConnectionSoTheClientSeesAnIoException() {
        simulator.setFaults(only(0, 0, 1, 0, 0));

        assertThatThrownBy(() -> graph.get("/users")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(lastLogged().fault()).isEqualTo("connectionReset");
    }

    @Test
    void cutsTheJsonShortInAValidHttpResponse() {
        simulator.setFaults(only(0, 0, 0, 1, 0));

        Reply reply = graph.get("/users");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Length")).isEqualTo(String.valueOf(reply.text().length()));
        assertThatThrownBy(reply::json).isInstanceOf(JacksonException.class);
        assertThat(lastLogged().fault()).isEqualTo("malformedJson");
    }

    @Test
    void stopsTheBodyHalfWaySoTheClientSeesAnIoException() {
        simulator.setFaults(only(0, 0, 0, 0, 1));

        assertThatThrownBy(() -> graph.get("/users")).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(lastLogged().fault()).isEqualTo("truncatedBody");
    }

    @Test
    void answersNormallyOnceFaultsAreSwitchedOff() {
        simulator.setFaults(only(1, 0, 0, 0, 0));
        graph.get("/users");

        simulator.setFaults(Faults.NONE);

        assertThat(graph.get("/users").status()).isEqualTo(200);
    }

    @Test
    void injectsTheFaultsItWasStartedWith() {
        try (Simulator faulty = SmallClinic.start(Simulator.builder().faults(only(0, 1, 0, 0, 0)))) {
            // The token endpoint is the identity platform's, never faulted.
            assertThat(SmallClinic.reader(faulty).get("/users").status()).isEqualTo(504);
        }
    }

    @Test
    void delaysASlowResponseBySlowDelay() {
        simulator.setFaults(new Faults(0, 0, 0, 0, 0, 1, Duration.ofMillis(300), 1));
        long started = System.nanoTime();

        Reply reply = graph.get("/users");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(lastLogged().fault()).isEqualTo("slow");
    }

    @Test
    void delaysResponsesByTheLatencySet() {
        simulator.setLatency(new Latency(Duration.ofMillis(200), 0));
        long started = System.nanoTime();

        assertThat(graph.get("/users").status()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
}
