package org.ward.connector.graph;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.microsoft.graph.core.content.BatchRequestContent;
import com.microsoft.graph.core.content.BatchResponseContent;
import com.microsoft.graph.core.models.BatchRequestStep;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.NativeResponseHandler;
import com.microsoft.kiota.RequestInformation;

import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends many independent requests as JSON batches of at most 20 and retries, in new batches, only the inner
 * requests Graph throttled or could not serve (429/503/504), after the largest inner {@code Retry-After}.
 * The resilience interceptor sees only the outer 200, so this is the only place inner failures are retried.
 * Requests must not depend on each other ({@code dependsOn} is not used).
 */
public final class GraphBatch {

    public static final int MAX_REQUESTS_PER_BATCH = 20;

    private static final Logger log = LoggerFactory.getLogger(GraphBatch.class);
    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);

    private final GraphServiceClient client;
    private final GraphResilience resilience;
    private final GraphErrors errors;

    public GraphBatch(GraphServiceClient client, GraphResilience resilience, GraphErrors errors) {
        this.client = client;
        this.resilience = resilience;
        this.errors = errors;
    }

    /** Sends the requests, keyed by the caller's ids; returns each id's final outcome in the same order. */
    public Map<String, BatchOutcome> send(Map<String, RequestInformation> requests) {
        Map<String, Request> pending = toNative(requests);
        Map<String, BatchOutcome> done = new HashMap<>();
        for (int round = 1; !pending.isEmpty(); round++) {
            Map<String, BatchOutcome> answers = sendOnce(pending);
            Map<String, Request> again = new LinkedHashMap<>();
            Duration wait = Duration.ZERO;
            boolean throttled = false;
            for (BatchOutcome outcome : answers.values()) {
                boolean retryable = RETRYABLE.contains(outcome.status());
                if (retryable && outcome.status() != 504) {
                    resilience.traffic().throttled();
                    throttled = true;
                }
                if (retryable && round <= resilience.settings().maxRetries()) {
                    Duration asked = requestedWait(outcome, round);
                    wait = asked.compareTo(wait) > 0 ? asked : wait;
                    again.put(outcome.id(), pending.get(outcome.id()));
                } else {
                    done.put(outcome.id(), outcome);
                }
            }
            if (!again.isEmpty() && wait.compareTo(resilience.settings().maxRetryAfter()) > 0) {
                log.warn("Graph asked for {} before retrying {} batched requests; giving up on them", wait, again.size());
                again.keySet().forEach(id -> done.put(id, answers.get(id)));
                break;
            }
            if (!again.isEmpty()) {
                waitBeforeRetry(again.size(), wait, throttled);
            }
            pending = again;
        }
        Map<String, BatchOutcome> ordered = new LinkedHashMap<>();
        requests.keySet().forEach(id -> ordered.put(id, done.get(id)));
        return ordered;
    }

    private Duration requestedWait(BatchOutcome outcome, int round) {
        return resilience.timing().requested(outcome::header).orElseGet(() -> resilience.timing().backoff(round));
    }

    private Map<String, Request> toNative(Map<String, RequestInformation> requests) {
        Map<String, Request> converted = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        requests.forEach((id, info) -> {
            if (id == null || id.isBlank() || !seen.add(id.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("batch ids must be non-blank and unique ignoring case: " + id);
            }
            converted.put(id, errors.call(() -> client.getRequestAdapter().<Request>convertToNativeRequest(info)));
        });
        return converted;
    }

    private void waitBeforeRetry(int count, Duration wait, boolean throttled) {
        resilience.traffic().retried(count);
        log.info("Retrying {} batched requests after {}", count, wait);
        if (throttled) {
            resilience.gate().pauseFor(wait); // the next batch waits at the gate, and so does everyone else
        } else {
            try {
                resilience.sleep(wait, new RequestLine("POST", "/$batch"));
            } catch (InterruptedIOException e) {
                throw new GraphAccessException("Ward was interrupted while waiting to retry a $batch.", e);
            }
        }
    }

    private Map<String, BatchOutcome> sendOnce(Map<String, Request> pending) {
        Map<String, BatchOutcome> answers = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>(pending.keySet());
        for (int from = 0; from < ids.size(); from += MAX_REQUESTS_PER_BATCH) {
            Map<String, Request> chunk = new LinkedHashMap<>();
            ids.subList(from, Math.min(ids.size(), from + MAX_REQUESTS_PER_BATCH)).forEach(id -> chunk.put(id, pending.get(id)));
            answers.putAll(post(chunk));
        }
        return answers;
    }

    private Map<String, BatchOutcome> post(Map<String, Request> chunk) {
        // Steps are added one by one: the list constructor rejects 20 steps although 20 are allowed.
        BatchRequestContent content = new BatchRequestContent(client);
        chunk.forEach((id, request) -> content.addBatchRequestStep(new BatchRequestStep(id, request)));
        NativeResponseHandler handler = new NativeResponseHandler();
        errors.call(() -> {
            try {
                RequestInformation info = client.getBatchRequestBuilder().toPostRequestInformation(content);
                info.setResponseHandler(handler);
                return client.getRequestAdapter().sendPrimitive(info, null, InputStream.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (Response response = (Response) handler.getValue()) {
            String basePath = resilience.endpoints().basePath();
            if (!response.isSuccessful()) {
                throw errors.translate(BatchOutcomes.of("batch", "POST /$batch", response));
            }
            Map<String, Response> inner = new BatchResponseContent(response).getResponses();
            Map<String, BatchOutcome> answers = new LinkedHashMap<>();
            chunk.forEach((id, request) -> answers.put(id,
                    BatchOutcomes.of(id, RequestLine.of(request, basePath).toString(), inner.get(id))));
            return answers;
        }
    }
}
