package org.ward.connector.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.serve.ServeHarness;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The notification endpoint against what an attacker or a broken client sends: real HTTP to ward serve's Tomcat.
 * No Graph is needed: the subscription is put in Ward's store as the upkeep would, and the outbox is not processed
 * (the coalescing wait is an hour), so what each request recorded stays visible.
 */
class NotificationEndpointTests {

    private static final String SECRET = ClientStates.fresh();
    private static final String SUBSCRIPTION = "7f105c7d-2dc5-4530-97cd-4e7ae6534c07";

    @TempDir
    static Path dir;

    static ConfigurableApplicationContext context;
    static int port;
    static ChangeOutbox outbox;
    static MeterRegistry metrics;

    @BeforeAll
    static void start() {
        port = ServeHarness.freePort();
        Map<String, Object> settings = new java.util.LinkedHashMap<>(ServeHarness.service(port));
        settings.put("ward.graph.cloud", "custom");
        settings.put("ward.graph.base-url", "https://127.0.0.1:9/v1.0");
        settings.put("ward.graph.authority", "https://127.0.0.1:9");
        settings.put("ward.graph.tenant-id", "5ef3bd73-2fda-43e8-b929-44fc97c5cbf2");
        settings.put("ward.graph.client-id", "ba1e1dda-df6b-4b09-a18b-a756c1bc7e2a");
        settings.put("ward.graph.client-secret", "unused");
        settings.put("ward.data-dir", dir.toString());
        settings.put("spring.datasource.url", "jdbc:h2:file:" + dir.resolve("ward").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        settings.put("logging.file.name", dir.resolve("ward.log").toString());
        settings.put("ward.serve.scan-at-start", "false");
        settings.put("ward.serve.coalesce", "1h");
        settings.put("ward.webhook.max-body-size", "8KB");
        settings.put("ward.webhook.body-timeout", "3s");
        settings.put("server.tomcat.threads.max", "2");
        settings.put("server.tomcat.threads.min-spare", "1");
        context = ServeHarness.start(settings);
        Instant now = Instant.now();
        context.getBean(SubscriptionStore.class).created("b!drive-a", SUBSCRIPTION, ClientStates.sha256(SECRET),
                "http://127.0.0.1:" + port + "/graph/notifications", true, now.plus(Duration.ofDays(1)), now);
        outbox = context.getBean(ChangeOutbox.class);
        metrics = context.getBean(MeterRegistry.class);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aNotificationIsInTheOutboxBeforeGraphGetsItsAnswer() {
        long before = outbox.backlog().changes();

        HttpResponse<String> answer = ServeHarness.post(port, "/graph/notifications", "application/json",
                ServeHarness.notification(SUBSCRIPTION, SECRET));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(outbox.backlog().changes()).isEqualTo(before + 1);
    }

    @Test
    void aForgedClientStateIsDiscardedCountedAndStillAnswered202() {
        long before = outbox.backlog().changes();
        double discarded = discarded("client-state");

        HttpResponse<String> answer = ServeHarness.post(port, "/graph/notifications", "application/json",
                ServeHarness.notification(SUBSCRIPTION, ClientStates.fresh()));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(outbox.backlog().changes()).isEqualTo(before);
        assertThat(discarded("client-state")).isEqualTo(discarded + 1);
    }

    @Test
    void aMissingClientStateIsDiscarded() {
        long before = outbox.backlog().changes();
        double discarded = discarded("client-state");

        ServeHarness.post(port, "/graph/notifications", "application/json", ServeHarness.notification(SUBSCRIPTION, null));

        assertThat(outbox.backlog().changes()).isEqualTo(before);
        assertThat(discarded("client-state")).isEqualTo(discarded + 1);
    }

    @Test
    void anUnknownSubscriptionIsDiscardedEvenWithAClientStateWardKnows() {
        long before = outbox.backlog().changes();
        double discarded = discarded("unknown-subscription");

        HttpResponse<String> answer = ServeHarness.post(port, "/graph/lifecycle", "application/json",
                ServeHarness.notification("00000000-0000-0000-0000-000000000000", SECRET));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(outbox.backlog().changes()).isEqualTo(before);
        assertThat(discarded("unknown-subscription")).isEqualTo(discarded + 1);
    }

    @Test
    void aBodyThatIsNotANotificationCollectionIsRefused() {
        assertThat(ServeHarness.post(port, "/graph/notifications", "application/json", "<html>no</html>").statusCode())
                .isEqualTo(400);
    }

    @Test
    void anOversizedBodyIsRefusedWithoutBeingRecorded() throws Exception {
        long before = outbox.backlog().changes();
        String big = "{\"value\":[" + ServeHarness.notification(SUBSCRIPTION, SECRET).substring(10).replace("]}", "")
                + ",{\"padding\":\"" + "x".repeat(10_000) + "\"}]}";

        HttpResponse<String> declared = ServeHarness.post(port, "/graph/notifications", "application/json", big);
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/graph/notifications")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        big.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(outbox.backlog().changes()).isEqualTo(before);
    }

    @Test
    void aValidationTokenCarryingScriptIsEchoedExactlyAsPlainTextThatBrowsersWillNotSniff() {
        String token = "<script>alert('ward')</script> Validation: Token & \"quotes\" + ü";

        HttpResponse<String> answer = ServeHarness.post(port, "/graph/notifications?validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8), "text/plain; charset=utf-8", "");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(token);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void slowBodiesTimeOutWithoutTyingUpTheWorkers() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            // Twice as many stalled bodies as Tomcat has worker threads in this test.
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /graph/notifications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"value\":[").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }
            HttpResponse<String> meanwhile = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/graph/notifications")).timeout(Duration.ofSeconds(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ServeHarness.notification(SUBSCRIPTION, SECRET))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(meanwhile.statusCode()).isEqualTo(202);
            for (Socket socket : slow) {
                InputStream in = socket.getInputStream();
                String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
                assertThat(status).isEqualTo("HTTP/1.1 408");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(discarded("too-slow")).isGreaterThanOrEqualTo(4));
    }

    private static double discarded(String reason) {
        Counter counter = metrics.find("ward.notifications.discarded").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
