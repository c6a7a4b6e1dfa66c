package org.ward.connector.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.HttpMethod;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import okhttp3.HttpUrl;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a request the SDK's request builders made through the SDK's own request adapter — the same middleware,
 * sign-in, resilience and error mapping as every other call — and hands the answer's JSON to a streaming reader, so
 * a collector that needs a few fields of each of a thousand items reads them straight into Ward's records instead of
 * first building the SDK's model of everything Graph sent. Errors come back as the SDK's {@code ODataError}, translated
 * like any other Graph failure.
 *
 * <p>The resilience layer does not tokenise these answers before the reader does ({@link StreamedJson}); the reader's
 * own pass finds what that check would have found, and it is handled the same way: a body cut off mid-stream is
 * retried like a broken connection, a malformed or empty one like an unreadable answer, and when the retries run out
 * the request fails with the same sentence.
 */
@Component
public class GraphJsonReads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphServiceClient graph;
    private final GraphErrors errors;
    private final GraphResilience resilience;

    public GraphJsonReads(GraphServiceClient graph, GraphErrors errors, GraphResilience resilience) {
        this.graph = graph;
        this.errors = errors;
        this.resilience = resilience;
    }

    /**
     * @param request a request from an SDK request builder ({@code toGetRequestInformation})
     * @param reader reads the answer's JSON, a whole JSON value; the parser stands before the first token. It may be
     *     called again with a fresh answer when the first could not be read, so it must keep nothing between calls.
     */
    public <T> T read(RequestInformation request, Function<JsonParser, T> reader) {
        request.addRequestOptions(List.of(StreamedJson.OPTION));
        return errors.call(() -> {
            RequestLine line = line(request);
            boolean repeatable = request.httpMethod == HttpMethod.GET;
            int maxAttempts = resilience.settings().maxRetries() + 1;
            for (int attempt = 1;; attempt++) {
                try {
                    return once(request, reader, line);
                } catch (CutOff cutOff) {
                    resilience.traffic().fault();
                    resilience.traffic().request(request.httpMethod.toString(), "io_error");
                    if (!repeatable || attempt >= maxAttempts || !RetryFailures.worthRetrying(cutOff.failure)) {
                        throw RetryFailures.connection(line, resilience.endpoints().graphHost(), cutOff.failure, attempt,
                                repeatable);
                    }
                    retryAfter(attempt, line, "connection failure: " + cutOff.failure);
                } catch (Unreadable unreadable) {
                    GraphAccessException malformed = unreadable.sentence;
                    resilience.traffic().fault();
                    if (!repeatable || attempt >= maxAttempts) {
                        throw malformed;
                    }
                    retryAfter(attempt, line, "an answer that could not be read as JSON");
                }
            }
        });
    }

    /**
     * One attempt. The resilience layer leaves the circuit breaker's verdict on a successful streamed answer to this
     * reader: a body read whole is a success, one cut off a failure of the connection, one Graph sent whole but
     * unreadable says nothing of Graph's health (as the layer's own check decides).
     */
    private <T> T once(RequestInformation request, Function<JsonParser, T> reader, RequestLine line) {
        HashMap<String, ParsableFactory<? extends Parsable>> errorMapping = new HashMap<>();
        errorMapping.put("XXX", ODataError::createFromDiscriminatorValue);
        InputStream answer = graph.getRequestAdapter().sendPrimitive(request, errorMapping, InputStream.class);
        // From here Graph has answered 2xx (errors and retries were the resilience layer's, and recorded there).
        Runnable verdict = resilience.breaker()::neutral;
        try (InputStream body = answer) {
            if (body == null) {
                throw unreadable(line, "with an empty body instead of JSON", null);
            }
            PushbackInputStream in = new PushbackInputStream(body, 1);
            int first = in.read();
            if (first < 0) {
                throw unreadable(line, "with an empty body instead of JSON", null);
            }
            in.unread(first);
            try (JsonParser parser = JSON.createParser(in)) {
                T value = reader.apply(parser);
                if (parser.nextToken() != null) {
                    throw unreadable(line, "with malformed JSON (more content after the JSON value)", null);
                }
                verdict = resilience.breaker()::succeeded;
                return value;
            }
        } catch (JacksonIOException cutOff) {
            // The body stopped mid-stream ("unexpected end of stream"): a broken connection.
            IOException failure = cutOff.getCause() != null ? cutOff.getCause() : new IOException(cutOff.getMessage(), cutOff);
            verdict = () -> resilience.breaker().failed(failure);
            throw new CutOff(failure);
        } catch (StreamReadException broken) {
            if (broken instanceof tools.jackson.core.exc.InputCoercionException) {
                throw broken; // well-formed JSON holding a value of the wrong kind: the reader's concern, not a transport fault
            }
            throw unreadable(line, "with malformed JSON (" + broken.getOriginalMessage() + ")", broken);
        } catch (IOException cutOff) {
            verdict = () -> resilience.breaker().failed(cutOff);
            throw new CutOff(cutOff);
        } finally {
            verdict.run();
        }
    }

    private Unreadable unreadable(RequestLine line, String what, Throwable cause) {
        return new Unreadable(resilience.jsonCheck().broken(line, 200, what, cause));
    }

    private void retryAfter(int attempt, RequestLine line, String reason) {
        try {
            resilience.retryAfter(resilience.timing().backoff(attempt), line, reason);
        } catch (java.io.InterruptedIOException e) {
            throw new GraphAccessException("Ward was stopped while waiting to send " + line + " again.", e);
        }
    }

    private RequestLine line(RequestInformation request) {
        try {
            return new RequestLine(request.httpMethod.toString(),
                    RequestLine.relative(HttpUrl.get(request.getUri()), resilience.endpoints().basePath()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An answer that came whole but is not one JSON value (empty, malformed, more after the value). */
    private static final class Unreadable extends RuntimeException {

        private final GraphAccessException sentence;

        Unreadable(GraphAccessException sentence) {
            super(sentence);
            this.sentence = sentence;
        }
    }

    /** An answer whose body broke off while the reader read it. */
    private static final class CutOff extends RuntimeException {

        private final transient IOException failure;

        CutOff(IOException failure) {
            super(failure);
            this.failure = failure;
        }
    }
}
