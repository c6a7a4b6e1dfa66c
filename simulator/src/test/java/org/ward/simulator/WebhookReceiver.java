package org.ward.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import tools.jackson.databind.JsonNode;

/**
 * A real notification endpoint on loopback (the JDK's HTTP server), as an app would run one: by default it echoes a
 * validation token as Graph asks (200, text/plain, the decoded token) and answers 202 to notifications. Tests change
 * how it answers and read what it received.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A request the endpoint received. */
    record Received(String method, String path, String query, String contentType, String body) {

        String validationToken() {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith("validationToken=")) {
                    return URLDecoder.decode(pair.substring("validationToken=".length()), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        JsonNode json() {
            return Reply.parse(body);
        }
    }

    /** How the endpoint answers: status, content type, body, and how long it holds the answer first. */
    record Answer(int status, String contentType, String body, Duration after) {

        static Answer accepted() {
            return new Answer(202, null, "", Duration.ZERO);
        }

        static Answer status(int status) {
            return new Answer(status, null, "", Duration.ZERO);
        }

        Answer after(Duration hold) {
            return new Answer(status, contentType, body, hold);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new ArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String scheme;
    private volatile Function<Received, Answer> validation = WebhookReceiver::echo;
    private volatile Function<Received, Answer> notification = r -> Answer.accepted();

    private WebhookReceiver(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** Plain HTTP on 127.0.0.1, as Ward's endpoint runs behind a platform that terminates TLS. */
    public static WebhookReceiver http() {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), "http");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HTTPS on 127.0.0.1 with the given server TLS context (certificate for localhost). */
    static WebhookReceiver https(SSLContext tls) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            return new WebhookReceiver(server, "https");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url(String path) {
        String host = scheme.equals("https") ? "localhost" : "127.0.0.1";
        return scheme + "://" + host + ":" + server.getAddress().getPort() + path;
    }

    /** The echo Graph expects: 200, text/plain, the decoded token exactly. */
    static Answer echo(Received request) {
        return new Answer(200, "text/plain; charset=utf-8", request.validationToken(), Duration.ZERO);
    }

    void answerValidations(Function<Received, Answer> answer) {
        this.validation = answer;
    }

    void answerNotifications(Function<Received, Answer> answer) {
        this.notification = answer;
    }

    /** Everything received, validations included. */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    List<Received> validations() {
        return received().stream().filter(r -> r.validationToken() != null).toList();
    }

    /** Notification posts (not validations) to the given path. */
    List<Received> posts(String path) {
        return received().stream().filter(r -> r.validationToken() == null && r.path().equals(path)).toList();
    }

    /** Every notification in the posts to the path, in the order received. */
    List<JsonNode> notifications(String path) {
        List<JsonNode> all = new ArrayList<>();
        for (Received post : posts(path)) {
            post.json().path("value").forEach(all::add);
        }
        return all;
    }

    void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Content-Type"), body);
        synchronized (received) {
            received.add(request);
        }
        Answer answer = (request.validationToken() != null ? validation : notification).apply(request);
        if (!answer.after().isZero()) {
            try {
                // Holds the answer, as a slow endpoint would; closing the receiver releases it.
                closing.await(answer.after().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
        if (answer.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException gone) {
            // the simulator stopped waiting (its timeout); nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
