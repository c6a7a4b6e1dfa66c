package org.ward.connector.graph;

import java.util.Set;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a successful answer whose JSON is broken, or that is not JSON when only JSON was asked for (a proxy's
 * login page). The SDK would otherwise fail deep inside deserialisation or, worse, hand back an empty result.
 * Reads a peek of the body, so the SDK still gets all of it. An answer a streaming reader reads ({@link StreamedJson})
 * is not tokenised here: that reader finds a cut-off or broken body itself ({@link GraphJsonReads}), and tokenising a
 * thousand-item delta page twice cost the inventory a seventh of its time.
 */
final class JsonBodyCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Integer> RETRIED = Set.of(429, 503, 504);

    private final String host;

    JsonBodyCheck(String host) {
        this.host = host;
    }

    void verify(Request request, Response response, RequestLine line) throws IOException {
        ResponseBody body = response.body();
        if (body == null || response.code() < 200 || response.code() == 204 || "HEAD".equals(request.method())) {
            return;
        }
        MediaType type = body.contentType();
        if (response.code() >= 300) {
            verifyError(response, line, type);
            return;
        }
        boolean onlyJsonWanted = "application/json".equalsIgnoreCase(request.header("Accept"));
        // An answer without a content type to a request for JSON is read as JSON: cut off, it must not pass as empty.
        boolean untypedJson = type == null && onlyJsonWanted;
        if (!untypedJson && (type == null || !type.subtype().toLowerCase(Locale.ROOT).contains("json"))) {
            if (onlyJsonWanted && type != null && !body.source().peek().exhausted()) {
                throw broken(response, line, "with " + type.type() + "/" + type.subtype() + " instead of JSON",
                        null);
            }
            return;
        }
        if (request.tag(StreamedJson.class) != null) {
            return;
        }
        try (InputStream in = body.source().peek().inputStream(); JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() == null) {
                if ("GET".equals(request.method())) {
                    throw broken(response, line, "with an empty body instead of JSON", null);
                }
                return;
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw broken(response, line, "with malformed JSON (more content after the JSON value)", null);
            }
        } catch (JacksonIOException cutOff) {
            // The body stopped mid-stream ("unexpected end of stream"): a broken connection, retried like one.
            response.close();
            throw cutOff.getCause() != null ? cutOff.getCause() : new IOException(cutOff.getMessage(), cutOff);
        } catch (JacksonException e) {
            throw broken(response, line, "with malformed JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    // The SDK can only read Graph's JSON error bodies; an HTML or text error page (a proxy, a wrong base URL)
    // would surface as an unrelated parser failure.
    private void verifyError(Response response, RequestLine line, MediaType type) throws IOException {
        if (response.code() < 400 || RETRIED.contains(response.code()) || type == null || type.subtype().toLowerCase(Locale.ROOT).contains("json")) {
            return;
        }
        String text = response.peekBody(200).string().strip().replaceAll("\\s+", " ");
        int status = response.code();
        response.close();
        throw new GraphAccessException("Something other than Graph answered " + line + " with " + status + " and a "
                + type.type() + "/" + type.subtype() + " page" + (text.isEmpty() ? "" : " (\"" + text + "\")")
                + ": check ward.graph.base-url and any proxy between Ward and " + host + ".", status, "", null);
    }

    private GraphAccessException broken(Response response, RequestLine line, String what, Throwable cause) {
        response.close();
        return broken(line, response.code(), what, cause);
    }

    /** The sentence for a successful answer that is not readable JSON; {@code what} says how ("with malformed JSON (…)"). */
    GraphAccessException broken(RequestLine line, int status, String what, Throwable cause) {
        return new GraphAccessException("Graph answered " + line + " " + what + ": the answer was cut off or changed on its "
                + "way, so Ward stops instead of reading it as empty; check proxies between Ward and " + host
                + ", then run again.", status, MALFORMED, cause);
    }

    /** The code of a successful answer whose body could not be read as JSON; retried like a broken connection. */
    static final String MALFORMED = "malformedResponse";
}
