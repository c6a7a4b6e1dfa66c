package org.ward.simulator.subscriptions;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.ward.simulator.server.Json;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph's change notification service as an HTTP client: it posts notifications to the URLs apps gave it, batching
 * what is due for one URL into one POST, retries what is not answered 2xx within the timeout, and judges each URL by
 * its slow answers the way Microsoft documents (throttled from 10 %, dropped from 15 %, after 100 answers, counts
 * starting again every 10 minutes). It also performs the validation handshake. Timing is wall-clock time.
 */
final class Notifier implements AutoCloseable {

    /** The outcome of a validation handshake. */
    enum Validation { VALIDATED, NOT_200, NOT_ECHOED, TIMED_OUT }

    /** One notification (a change or a lifecycle event) for one subscription, as the value entry Graph posts. */
    record Outgoing(String url, Delivery.Kind kind, String subscriptionId, ObjectNode entry) {
    }

    private static final class Pending {
        final Outgoing item;
        final long firstQueuedNanos;
        long dueNanos;

        Pending(Outgoing item, long dueNanos) {
            this.item = item;
            this.firstQueuedNanos = System.nanoTime();
            this.dueNanos = dueNanos;
        }
    }

    /** One notification URL: what waits to be posted to it and how its answers have been. */
    private static final class Endpoint {
        final String url;
        final PriorityQueue<Pending> pending = new PriorityQueue<>(Comparator.comparingLong((Pending p) -> p.dueNanos));
        long windowStartNanos = System.nanoTime();
        int answers;
        int slow;

        Endpoint(String url) {
            this.url = url;
        }

        /** Call while holding the endpoint's lock. */
        EndpointHealth.State state(NotificationSettings s, long now) {
            if (now - windowStartNanos >= s.statsWindow().toNanos()) {
                windowStartNanos = now;
                answers = 0;
                slow = 0;
            }
            if (answers < s.slowSample()) {
                return EndpointHealth.State.HEALTHY;
            }
            double share = (double) slow / answers;
            return share >= s.dropAt() ? EndpointHealth.State.DROPPING
                    : share >= s.throttleAt() ? EndpointHealth.State.THROTTLED : EndpointHealth.State.HEALTHY;
        }
    }

    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    private final List<Delivery> log = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemons("simulator-notifier"));
    private final ExecutorService senders = Executors.newFixedThreadPool(8, daemons("simulator-notification-post"));
    private volatile NotificationSettings settings;
    private SplittableRandom random;
    private HttpClient client;
    private SSLContext clientTrust;

    Notifier(NotificationSettings settings) {
        this.settings = settings;
        this.random = new SplittableRandom(settings.seed());
    }

    NotificationSettings settings() {
        return settings;
    }

    synchronized void setSettings(NotificationSettings newSettings) {
        if (newSettings.seed() != settings.seed()) {
            random = new SplittableRandom(newSettings.seed());
        }
        settings = newSettings;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Queues a change notification, applying the configured burst, duplicates and loss. */
    void change(Outgoing item) {
        NotificationSettings s = settings;
        for (int copy = 0; copy < s.burst(); copy++) {
            double draw = draw();
            if (draw < s.lossRate()) {
                record(item.url(), item.kind(), List.of(item.subscriptionId()), -1, 0, Delivery.Outcome.LOST);
                continue;
            }
            queue(item);
            if (draw() < s.duplicateRate()) {
                queue(item);
            }
        }
    }

    /** Queues a lifecycle event: never lost or duplicated on purpose. */
    void lifecycle(Outgoing item) {
        queue(item);
    }

    /** Records notifications that were not posted because delivery is paused. */
    void paused(Outgoing item) {
        record(item.url(), item.kind(), List.of(item.subscriptionId()), -1, 0, Delivery.Outcome.PAUSED);
    }

    private synchronized double draw() {
        return random.nextDouble();
    }

    private void queue(Outgoing item) {
        NotificationSettings s = settings;
        Endpoint endpoint = endpoints.computeIfAbsent(item.url(), Endpoint::new);
        long now = System.nanoTime();
        long due;
        synchronized (endpoint) {
            EndpointHealth.State state = endpoint.state(s, now);
            if (state == EndpointHealth.State.DROPPING) {
                record(item.url(), item.kind(), List.of(item.subscriptionId()), -1, 0, Delivery.Outcome.DROPPED);
                return;
            }
            long jitter = s.jitter().isZero() ? 0 : (long) (draw() * s.jitter().toNanos());
            due = now + s.delay().toNanos() + jitter
                    + (state == EndpointHealth.State.THROTTLED ? s.throttledDelay().toNanos() : 0);
            endpoint.pending.add(new Pending(item, due));
        }
        flushAt(endpoint, due - now);
    }

    private void flushAt(Endpoint endpoint, long delayNanos) {
        try {
            scheduler.schedule(() -> flush(endpoint), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopped) {
            // the simulator is closing
        }
    }

    /** Posts whatever is due for the endpoint, one kind per POST, at most maxPerPost notifications each. */
    private void flush(Endpoint endpoint) {
        NotificationSettings s = settings;
        while (true) {
            List<Pending> batch = new ArrayList<>();
            synchronized (endpoint) {
                long now = System.nanoTime();
                Pending head = endpoint.pending.peek();
                if (head == null || head.dueNanos > now) {
                    return;
                }
                Delivery.Kind kind = head.item.kind();
                List<Pending> otherKind = new ArrayList<>();
                while (batch.size() < s.maxPerPost() && endpoint.pending.peek() != null
                        && endpoint.pending.peek().dueNanos <= now) {
                    Pending next = endpoint.pending.poll();
                    (next.item.kind() == kind ? batch : otherKind).add(next);
                }
                endpoint.pending.addAll(otherKind);
            }
            try {
                senders.execute(() -> post(endpoint, batch));
            } catch (RejectedExecutionException stopped) {
                return;
            }
        }
    }

    private void post(Endpoint endpoint, List<Pending> batch) {
        NotificationSettings s = settings;
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        List<String> ids = new ArrayList<>();
        for (Pending p : batch) {
            value.add(p.item.entry());
            ids.add(p.item.subscriptionId());
        }
        Delivery.Kind kind = batch.get(0).item.kind();
        int status = -1;
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url)).timeout(s.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body))).build();
            status = client().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | IllegalArgumentException notAnswered) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long elapsed = System.nanoTime() - start;
        boolean delivered = status >= 200 && status < 300;
        EndpointHealth.State state;
        synchronized (endpoint) {
            long now = System.nanoTime();
            endpoint.state(s, now);
            endpoint.answers++;
            if (elapsed > s.slowThreshold().toNanos()) {
                endpoint.slow++;
            }
            state = endpoint.state(s, now);
        }
        long millis = elapsed / 1_000_000;
        if (delivered) {
            record(endpoint.url, kind, ids, status, millis, Delivery.Outcome.DELIVERED);
            return;
        }
        long now = System.nanoTime();
        long retryIn = (state == EndpointHealth.State.HEALTHY ? s.retryDelay() : s.throttledDelay()).toNanos();
        List<String> retried = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        synchronized (endpoint) {
            for (Pending p : batch) {
                if (now + retryIn - p.firstQueuedNanos <= s.retryFor().toNanos()) {
                    p.dueNanos = now + retryIn;
                    endpoint.pending.add(p);
                    retried.add(p.item.subscriptionId());
                } else {
                    discarded.add(p.item.subscriptionId());
                }
            }
        }
        if (!retried.isEmpty()) {
            record(endpoint.url, kind, retried, status, millis, Delivery.Outcome.FAILED);
            flushAt(endpoint, retryIn);
        }
        if (!discarded.isEmpty()) {
            record(endpoint.url, kind, discarded, status, millis, Delivery.Outcome.DISCARDED);
        }
    }

    /**
     * The validation handshake: POST {@code ?validationToken=…} (Content-Type text/plain) and expect 200, text/plain
     * and the decoded token exactly, within the validation timeout.
     */
    Validation validate(String url) {
        NotificationSettings s = settings;
        // The shape of the token Graph sends: words with spaces and colons, so an endpoint that does not decode it fails.
        String token = "Validation: Testing client application reachability for subscription Request-Id: " + UUID.randomUUID();
        String target = url + (url.contains("?") ? "&" : "?") + "validationToken="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(s.validationTimeout())
                    .header("Content-Type", "text/plain; charset=utf-8").POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> answer = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                return Validation.NOT_200;
            }
            String type = answer.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            return type.startsWith("text/plain") && answer.body().equals(token) ? Validation.VALIDATED : Validation.NOT_ECHOED;
        } catch (HttpTimeoutException slow) {
            return Validation.TIMED_OUT;
        } catch (IOException | IllegalArgumentException unreachable) {
            return Validation.NOT_200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Validation.TIMED_OUT;
        }
    }

    EndpointHealth health(String url) {
        Endpoint endpoint = endpoints.get(url);
        if (endpoint == null) {
            return new EndpointHealth(url, 0, 0, EndpointHealth.State.HEALTHY);
        }
        synchronized (endpoint) {
            EndpointHealth.State state = endpoint.state(settings, System.nanoTime());
            return new EndpointHealth(url, endpoint.answers, endpoint.slow, state);
        }
    }

    List<Delivery> deliveries() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void clearDeliveries() {
        synchronized (log) {
            log.clear();
        }
    }

    private void record(String url, Delivery.Kind kind, List<String> ids, int status, long millis, Delivery.Outcome outcome) {
        synchronized (log) {
            log.add(new Delivery(Instant.now(), url, kind, List.copyOf(ids), status, millis, outcome));
        }
    }

    private synchronized HttpClient client() {
        SSLContext trust = settings.trust();
        if (client == null || trust != clientTrust) {
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trust)
                    .connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
            clientTrust = trust;
        }
        return client;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        senders.shutdownNow();
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
