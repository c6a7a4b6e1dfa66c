package org.ward.connector.graph;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Ward's only retry layer, in the place of Kiota's {@code RetryHandler}: every Graph request waits for the
 * tenant-wide pause and the resource-unit budget, takes a concurrency permit, passes the circuit breaker, and
 * is retried on 429/503/504 (as Graph asks, else with backoff), and on broken connections and answers cut off or
 * unreadable as JSON when repeating it is harmless. A request body that cannot be replayed is never sent twice.
 */
final class ResilienceInterceptor implements Interceptor {

    /** Stamped on error answers so error translation can name the request. */
    static final String REQUEST_HEADER = "ward-request";

    private static final Logger log = LoggerFactory.getLogger(ResilienceInterceptor.class);
    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);

    private final GraphResilience resilience;
    private final java.util.function.Supplier<String> renewal;

    /** @param renewal signs in again and returns the new Authorization header value; null when that is not possible */
    ResilienceInterceptor(GraphResilience resilience, java.util.function.Supplier<String> renewal) {
        this.resilience = resilience;
        this.renewal = renewal;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean signedInAgain = false;
        RequestLine line = RequestLine.of(request, resilience.endpoints().basePath());
        ResourceUnitCosts.Cost cost = resilience.costs().of(request);
        boolean replayable = request.body() == null || !request.body().isOneShot();
        int maxAttempts = resilience.settings().maxRetries() + 1;
        Instant started = resilience.clock().instant();
        for (int attempt = 1;; attempt++) {
            Request outgoing = attempt == 1 ? request
                    : request.newBuilder().header("Retry-Attempt", String.valueOf(attempt - 1)).build();
            resilience.awaitTurn(cost.units(), line);
            resilience.breaker().admit(line);
            Response response;
            long waiting = System.nanoTime();
            resilience.acquirePermit(line);
            long sent = System.nanoTime();
            try {
                response = chain.proceed(outgoing);
                if (log.isTraceEnabled()) {
                    // Where a slow task's time went: waiting for the concurrency cap, or for Graph.
                    log.trace("{}: {} ms waiting for a concurrency permit, answered in {} ms", line,
                            (sent - waiting) / 1_000_000, (System.nanoTime() - sent) / 1_000_000);
                }
                resilience.traffic().request(request.method(), GraphTraffic.statusClass(response.code()));
                resilience.jsonCheck().verify(request, response, line);
            } catch (GraphAccessException malformed) {
                resilience.breaker().neutral(); // Graph answered; what it said is the problem, not its health
                boolean retry = JsonBodyCheck.MALFORMED.equals(malformed.code()) && cost.repeatable() && replayable
                        && !chain.call().isCanceled() && attempt < maxAttempts;
                if (JsonBodyCheck.MALFORMED.equals(malformed.code())) {
                    resilience.traffic().fault();
                }
                if (!retry) {
                    throw malformed;
                }
                resilience.retryAfter(resilience.timing().backoff(attempt), line, "an answer that could not be read as JSON");
                continue;
            } catch (IOException failure) {
                resilience.breaker().failed(failure);
                resilience.traffic().fault();
                resilience.traffic().request(request.method(), "io_error");
                boolean repeatable = cost.repeatable() && replayable && !chain.call().isCanceled();
                if (!repeatable || attempt >= maxAttempts || !RetryFailures.worthRetrying(failure)) {
                    throw RetryFailures.connection(line, resilience.endpoints().graphHost(), failure, attempt, repeatable);
                }
                resilience.retryAfter(resilience.timing().backoff(attempt), line, "connection failure: " + failure);
                continue;
            } finally {
                resilience.releasePermit();
            }
            int status = response.code();
            if (status == 401 && !signedInAgain && renewal != null && replayable && request.header("Authorization") != null) {
                // A token revoked or expired early: sign in once more and send the request again with the new token.
                response.close();
                signedInAgain = true;
                request = request.newBuilder().header("Authorization", renewal.get()).build();
                resilience.traffic().retried(1);
                log.info("Graph refused the access token for {} (401); signed in again and retrying once", line);
                continue;
            }
            if (status >= 500) {
                resilience.traffic().fault();
            }
            if (!RETRYABLE.contains(status)) {
                if (status >= 300 || request.tag(StreamedJson.class) == null) {
                    recordHealth(status); // a streamed answer counts as a success once its reader has read it whole
                }
                return status >= 400 ? stamped(response, line) : response;
            }
            Optional<Duration> asked = resilience.timing().requested(response::header);
            boolean throttled = status == 429 || status == 503;
            if (throttled) {
                resilience.traffic().throttled();
            }
            if (status == 429 || asked.isPresent()) {
                resilience.breaker().neutral();
            } else {
                resilience.breaker().failed(status);
            }
            Duration wait = asked.isPresent() ? asked.get() : resilience.timing().backoff(attempt);
            boolean tooLong = wait.compareTo(resilience.settings().maxRetryAfter()) > 0;
            if (throttled && !tooLong) {
                // Everyone waits, this request included: the pause is taken in awaitTurn at the loop's top.
                resilience.gate().pauseFor(wait);
            }
            if (!replayable) {
                return stamped(response, line);
            }
            response.close();
            if (attempt >= maxAttempts) {
                throw RetryFailures.exhausted(line, status, attempt,
                        Duration.between(started, resilience.clock().instant()));
            }
            if (tooLong) {
                throw RetryFailures.waitTooLong(line, status, wait, resilience.settings().maxRetryAfter());
            }
            if (throttled) {
                resilience.traffic().retried(1);
                log.info("Graph answered {} to {}; pausing all Graph requests for {}", status, line, wait);
            } else {
                resilience.retryAfter(wait, line, "status " + status);
            }
        }
    }

    private void recordHealth(int status) {
        if (status >= 500) {
            resilience.breaker().failed(status);
        } else {
            resilience.breaker().succeeded();
        }
    }

    private static Response stamped(Response response, RequestLine line) {
        return response.newBuilder().header(REQUEST_HEADER, line.toString()).build();
    }
}
