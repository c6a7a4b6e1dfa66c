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
 * is retried on 429/503/504 (as Graph asks, else with backoff) and on broken connections when repeating it is
 * harmless. A request body that cannot be replayed is never sent twice.
 */
final class ResilienceInterceptor implements Interceptor {

    /** Stamped on error answers so error translation can name the request. */
    static final String REQUEST_HEADER = "ward-request";

    private static final Logger log = LoggerFactory.getLogger(ResilienceInterceptor.class);
    private static final Set<Integer> RETRYABLE = Set.of(429, 503, 504);

    private final GraphResilience resilience;

    ResilienceInterceptor(GraphResilience resilience) {
        this.resilience = resilience;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
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
            resilience.acquirePermit(line);
            try {
                response = chain.proceed(outgoing);
                resilience.traffic().request(request.method(), GraphTraffic.statusClass(response.code()));
                resilience.jsonCheck().verify(request, response, line);
            } catch (GraphAccessException malformed) {
                resilience.breaker().neutral(); // Graph answered; what it said is the problem, not its health
                throw malformed;
            } catch (IOException failure) {
                resilience.breaker().failed(failure);
                resilience.traffic().request(request.method(), "io_error");
                boolean repeatable = cost.repeatable() && replayable && !chain.call().isCanceled();
                if (!repeatable || attempt >= maxAttempts || !RetryFailures.worthRetrying(failure)) {
                    throw RetryFailures.connection(line, resilience.endpoints().graphHost(), failure, attempt, repeatable);
                }
                retryAfter(resilience.timing().backoff(attempt), line, "connection failure: " + failure);
                continue;
            } finally {
                resilience.releasePermit();
            }
            int status = response.code();
            if (!RETRYABLE.contains(status)) {
                recordHealth(status);
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
                retryAfter(wait, line, "status " + status);
            }
        }
    }

    private void retryAfter(Duration wait, RequestLine line, String reason) throws IOException {
        resilience.traffic().retried(1);
        log.info("Retrying {} in {} after {}", line, wait, reason);
        resilience.sleep(wait, line);
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
