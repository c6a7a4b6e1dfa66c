package org.ward.connector.notifications;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The notification and lifecycle endpoints Graph posts to.
 *
 * <ul>
 * <li>Validation: {@code POST ?validationToken=…} is answered 200 with the URL-decoded token exactly, as
 * {@code text/plain} with {@code X-Content-Type-Options: nosniff} (and a content security policy that forbids
 * everything), so a token carrying HTML or script is shown as text, never run.</li>
 * <li>Notifications: the body is read without blocking a worker thread (a servlet {@link ReadListener}); a body longer
 * than {@code ward.webhook.max-body-size} is refused with 413, one slower than {@code ward.webhook.body-timeout} with
 * 408, and the connection closed. A complete body goes to {@link NotificationIntake}, which records it before the
 * 202.</li>
 * </ul>
 */
public class NotificationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String TOKEN = "validationToken=";

    private final transient NotificationIntake intake;
    private final transient NotificationMetrics metrics;
    private final long maxBody;
    private final long bodyTimeoutMillis;

    public NotificationServlet(NotificationIntake intake, NotificationMetrics metrics, WebhookSettings settings) {
        this.intake = intake;
        this.metrics = metrics;
        this.maxBody = settings.maxBodySize().toBytes();
        this.bodyTimeoutMillis = settings.bodyTimeout().toMillis();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token;
        try {
            token = validationToken(request.getQueryString());
        } catch (IllegalArgumentException e) {
            plain(response, HttpServletResponse.SC_BAD_REQUEST, "The validationToken is not URL-encoded text.");
            return;
        }
        if (token != null) {
            plain(response, HttpServletResponse.SC_OK, token);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBody) {
            metrics.refused("too-large");
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The body is larger than this endpoint accepts.");
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(bodyTimeoutMillis);
        Body body = new Body(async, request.getInputStream(), declared);
        async.addListener(body);
        request.getInputStream().setReadListener(body);
    }

    /** The decoded validation token, or null when the request is no validation. */
    static String validationToken(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(TOKEN)) {
                return URLDecoder.decode(pair.substring(TOKEN.length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Refuses and closes the connection, so Tomcat does not read the rest of a body Ward will not take. */
    private static void refuse(HttpServletResponse response, int status, String text) throws IOException {
        response.setHeader("Connection", "close");
        plain(response, status, text);
    }

    /** One request's body, read as it arrives. */
    private final class Body implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final ByteArrayOutputStream bytes;
        private final byte[] buffer = new byte[8192];
        private final AtomicBoolean answered = new AtomicBoolean();

        Body(AsyncContext async, ServletInputStream in, long declared) {
            this.async = async;
            this.in = in;
            this.bytes = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (in.isReady() && !in.isFinished()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                bytes.write(buffer, 0, n);
                if (bytes.size() > maxBody) {
                    metrics.refused("too-large");
                    answer(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The body is larger than this endpoint accepts.",
                            true);
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() throws IOException {
            if (answered.get()) {
                return;
            }
            long started = System.nanoTime();
            NotificationIntake.Answer answer = intake.accept(bytes.toByteArray());
            metrics.answered(Duration.ofNanos(System.nanoTime() - started));
            if (answer == NotificationIntake.Answer.ACCEPTED) {
                if (answered.compareAndSet(false, true)) {
                    HttpServletResponse response = (HttpServletResponse) async.getResponse();
                    response.setStatus(HttpServletResponse.SC_ACCEPTED);
                    response.setContentLength(0);
                    async.complete();
                }
            } else {
                answer(answer.status(), answer == NotificationIntake.Answer.MALFORMED
                        ? "The body is not a change notification collection." : "Ward cannot record notifications now.",
                        false);
            }
        }

        @Override
        public void onError(Throwable failure) {
            // The client went away mid-body; nothing was recorded.
            if (answered.compareAndSet(false, true)) {
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            if (!answered.get()) {
                metrics.refused("too-slow");
            }
            answer(HttpServletResponse.SC_REQUEST_TIMEOUT, "The body did not arrive in time.", true);
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void answer(int status, String text, boolean close) throws IOException {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            HttpServletResponse response = (HttpServletResponse) async.getResponse();
            if (close) {
                refuse(response, status, text);
            } else {
                plain(response, status, text);
            }
            async.complete();
        }
    }
}
