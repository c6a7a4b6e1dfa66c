package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.server.AnswerEncoding;
import org.ward.simulator.throttle.Faults;

import tools.jackson.databind.JsonNode;

/** Graph's response compression: gzip when the client accepts it, the plain body when it does not. */
class CompressionTests {

    static Simulator simulator;
    static GraphHttp graph;
    static HttpClient http;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start();
        graph = SmallClinic.reader(simulator);
        http = GraphHttp.client(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void healthyAgain() {
        simulator.setFaults(Faults.NONE);
        simulator.requestLog().clear();
    }

    @Test
    void answersGzipCompressedWhenTheClientAcceptsGzip() throws Exception {
        HttpResponse<byte[]> compressed = get("/users", "gzip");
        JsonNode plain = graph.get("/users").json();

        assertThat(compressed.statusCode()).isEqualTo(200);
        assertThat(compressed.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(compressed.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(compressed.headers().firstValueAsLong("Content-Length")).hasValue(compressed.body().length);
        assertThat(Reply.parse(new String(inflate(compressed.body()), java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(plain);
        assertThat(simulator.requestLog().compressedAnswers()).isEqualTo(1);
    }

    @Test
    void answersThePlainBodyWhenTheClientDoesNotAcceptGzip() throws Exception {
        for (String acceptEncoding : new String[] {null, "identity", "gzip;q=0", "br, *;q=0"}) {
            HttpResponse<byte[]> reply = get("/users", acceptEncoding);

            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Encoding")).as(acceptEncoding).isEmpty();
            assertThat(reply.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(Reply.parse(new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8)).path("value").size())
                    .isPositive();
        }
        assertThat(simulator.requestLog().compressedAnswers()).isZero();
    }

    @Test
    void sendsASmallErrorUncompressedAsGraphDoes() throws Exception {
        HttpResponse<byte[]> missing = get("/users/00000000-0000-0000-0000-000000000000", "gzip");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body().length).isLessThan(AnswerEncoding.MIN_BYTES);
        assertThat(missing.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void cutsACompressedAnswerOffAfterCompressingIt() {
        simulator.setFaults(new Faults(0, 0, 0, 0, 1, 0, Duration.ofSeconds(5), 1));

        assertThatThrownBy(() -> get("/users", "gzip")).isInstanceOf(IOException.class);
    }

    @Test
    void readsAcceptEncodingAsRfc9110Weighs() {
        assertThat(AnswerEncoding.acceptsGzip("gzip")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("*")).isTrue();
        assertThat(AnswerEncoding.acceptsGzip("*, gzip;q=0")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("br")).isFalse();
        assertThat(AnswerEncoding.acceptsGzip("")).isFalse();
    }

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.info().graphBaseUrl() + path))
                .header("Authorization", "Bearer " + graph.token());
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] inflate(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
