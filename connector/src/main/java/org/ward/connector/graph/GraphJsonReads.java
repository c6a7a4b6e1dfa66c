package org.ward.connector.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.serialization.Parsable;
import com.microsoft.kiota.serialization.ParsableFactory;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a request the SDK's request builders made through the SDK's own request adapter — the same middleware,
 * sign-in, resilience and error mapping as every other call — and hands the answer's JSON to a streaming reader, so
 * a collector that needs a few fields of each of a thousand items reads them straight into Ward's records instead of
 * first building the SDK's model of everything Graph sent. Errors come back as the SDK's {@code ODataError}, translated
 * like any other Graph failure.
 */
@Component
public class GraphJsonReads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public GraphJsonReads(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /**
     * @param request a request from an SDK request builder ({@code toGetRequestInformation})
     * @param reader reads the answer's JSON; the parser stands before the first token
     */
    public <T> T read(RequestInformation request, Function<JsonParser, T> reader) {
        return errors.call(() -> {
            HashMap<String, ParsableFactory<? extends Parsable>> errorMapping = new HashMap<>();
            errorMapping.put("XXX", ODataError::createFromDiscriminatorValue);
            try (InputStream in = graph.getRequestAdapter().sendPrimitive(request, errorMapping, InputStream.class)) {
                if (in == null) {
                    throw new GraphAccessException("Graph answered " + request.getUri() + " without a body.", null);
                }
                try (JsonParser parser = JSON.createParser(in)) {
                    return reader.apply(parser);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
