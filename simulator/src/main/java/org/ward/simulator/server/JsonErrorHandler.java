package org.ward.simulator.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises before a request reaches the simulator (an undecodable URI, a request line it cannot parse,
 * an unexpected failure) are answered with Graph's JSON error body, never a servlet container's HTML page: a client
 * of Graph reads every 4xx and 5xx body as {@code {"error": {...}}}.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final Clock clock;

    JsonErrorHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
            Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, GraphPipeline.JSON_TYPE);
        response.write(true, ByteBuffer.wrap(body(status)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, GraphPipeline.JSON_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    /**
     * Jetty keeps no trace of the request line it could not read (the URI becomes "/badMessage"), so the message
     * names the usual cause rather than the very character.
     */
    private byte[] body(int status) {
        String requestId = RequestIds.next();
        GraphException e = status >= 500
                ? new GraphException(status, "generalException", "An unexpected error occurred.")
                : new GraphException(status, "BadRequest", "The request URL or headers could not be read (for example, a"
                        + " '%' in the path that is not followed by two hexadecimal digits).");
        return Json.bytes(GraphErrors.body(e.code(), e.getMessage(), requestId, requestId, clock.instant()));
    }
}
