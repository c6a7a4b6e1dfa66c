package org.ward.connector.graph;

import java.util.Locale;
import java.io.IOException;
import java.net.UnknownHostException;
import java.time.Duration;

import javax.net.ssl.SSLException;

/** The sentences for requests the resilience layer gives up on. */
final class RetryFailures {

    private RetryFailures() {
    }

    static GraphAccessException exhausted(RequestLine line, int status, int attempts, Duration elapsed) {
        String advice = status == 429
                ? "Ward waited as asked each time; run the scan outside business hours or lower "
                        + "ward.graph.resilience.max-concurrent-requests or resource-units-per-minute."
                : "the service is busy or unavailable; check Microsoft 365 service health and run again later.";
        return new GraphAccessException("Graph kept answering " + status + " to " + line + " through " + attempts
                + " attempts over " + seconds(elapsed) + " (ward.graph.resilience.max-retries allows "
                + (attempts - 1) + " retries): " + advice, status, status == 429 ? "TooManyRequests" : "", null);
    }

    static GraphAccessException waitTooLong(RequestLine line, int status, Duration asked, Duration allowed) {
        return new GraphAccessException("Graph asked Ward to wait " + seconds(asked) + " before retrying " + line + " ("
                + status + "), longer than ward.graph.resilience.max-retry-after (" + seconds(allowed)
                + "): run the scan later or raise that setting.", status, "", null);
    }

    static GraphAccessException connection(RequestLine line, String host, IOException failure, int attempts,
            boolean repeatable) {
        String reason = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (failure instanceof SSLException) {
            return new GraphAccessException("Ward does not trust the TLS connection to " + host + " for " + line + " ("
                    + reason + "): set ward.graph.trust.ca-certificate to a PEM file holding the CA that issued its "
                    + "certificate (for example your TLS-inspecting proxy's CA).", failure);
        }
        if (failure instanceof UnknownHostException) {
            return new GraphAccessException("Ward cannot resolve " + host + " for " + line + ": check "
                    + "ward.graph.base-url and ward.graph.cloud, and this machine's DNS.", failure);
        }
        if (!repeatable) {
            return new GraphAccessException("The connection to " + host + " broke during " + line + " (" + reason
                    + ") and Ward does not resend a request that may have changed data: check the result in the "
                    + "tenant, then run again.", failure);
        }
        return new GraphAccessException("The connection to " + host + " kept failing for " + line + " through "
                + attempts + " attempts (" + reason + "): check the network path and proxy settings, then run again.",
                failure);
    }

    static boolean worthRetrying(IOException failure) {
        return !(failure instanceof SSLException) && !(failure instanceof UnknownHostException)
                && !Thread.currentThread().isInterrupted();
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
