package org.ward.connector.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** Posts a body to an HTTPS receiver with a timeout; anything but 2xx is a {@link ChannelFailure}. */
final class HttpsPost {

    private final HttpClient client;
    private final URI uri;
    private final Duration timeout;
    private final String shown;

    HttpsPost(String url, SSLContext tls, Duration timeout) {
        this.uri = URI.create(url.trim());
        this.timeout = timeout;
        SSLParameters parameters = tls.getDefaultSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        this.client = HttpClient.newBuilder().sslContext(tls).sslParameters(parameters).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        // The query of a Workflows URL carries its signature (sig=): a secret, never shown.
        this.shown = uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath());
    }

    /** The URL without its query (where a Workflows URL keeps its signature). */
    String shown() {
        return shown;
    }

    /** Posts and returns the status; throws with one sentence on a refusal, a timeout or a broken connection. */
    int post(String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ChannelFailure(shown + " could not be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelFailure(shown + ": interrupted while posting.", e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            String retry = response.headers().firstValue("Retry-After").map(v -> " (Retry-After " + v + ")").orElse("");
            throw new ChannelFailure(shown + " answered " + status + retry + ".");
        }
        return status;
    }
}
