package org.ward.connector.graph;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import okhttp3.Response;
import okhttp3.ResponseBody;

/** Reads an OkHttp response (outer, or one the SDK rebuilt from an inner batch answer) into a {@link BatchOutcome}. */
final class BatchOutcomes {

    private BatchOutcomes() {
    }

    static BatchOutcome of(String id, String request, Response response) {
        if (response == null) {
            return new BatchOutcome(id, request, 0, Map.of(), "");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.headers().forEach(pair -> headers.put(pair.getFirst(), pair.getSecond()));
        try (ResponseBody body = response.body()) {
            return new BatchOutcome(id, request, response.code(), headers, body == null ? "" : body.string());
        } catch (IOException e) {
            throw new GraphAccessException("Ward could not read Graph's answer to " + request + " inside a $batch ("
                    + e.getMessage() + "); run again.", e);
        }
    }
}
