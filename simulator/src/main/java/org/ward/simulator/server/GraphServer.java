package org.ward.simulator.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.ward.simulator.auth.IdentityPlatform;
import org.ward.simulator.throttle.Faults;
import org.ward.simulator.throttle.Latency;

import tools.jackson.databind.JsonNode;

/**
 * The simulator's HTTPS front: identity platform paths go to {@link IdentityPlatform}, {@code /v1.0/…} and
 * {@code /beta/…} to the {@link GraphPipeline}. Latency and faults are applied here, at the wire.
 */
public final class GraphServer {

    private final Server server;
    private final ServerConnector connector;
    private final GraphPipeline pipeline;
    private final IdentityPlatform identity;
    private final ScheduledExecutorService delays = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "simulator-latency");
        thread.setDaemon(true);
        return thread;
    });
    private final SplittableRandom random;
    private volatile Latency latency;
    private volatile Faults faults;
    private final List<BesideGraph> besideGraph = new CopyOnWriteArrayList<>();

    public GraphServer(String host, int port, KeyStore keyStore, char[] password, GraphPipeline pipeline,
            IdentityPlatform identity, Latency latency, Faults faults) {
        this.pipeline = pipeline;
        this.identity = identity;
        this.latency = latency;
        this.faults = faults;
        this.random = new SplittableRandom(faults.seed());
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("simulator");
        threads.setDaemon(true);
        this.server = new Server(threads);
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(keyStore);
        tls.setKeyStorePassword(new String(password));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setUriCompliance(UriCompliance.LEGACY);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        this.connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrorHandler(pipeline.clock()));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                serve(request, response, callback);
                return true;
            }
        });
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        server.stop();
        delays.shutdownNow();
    }

    /** Serves an endpoint beside Graph on the same host (SharePoint's monitor URLs). */
    public void serveBesideGraph(BesideGraph endpoint) {
        besideGraph.add(endpoint);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public void setLatency(Latency latency) {
        this.latency = latency;
    }

    public void setFaults(Faults faults) {
        this.faults = faults;
    }

    private void serve(Request request, Response response, Callback callback) throws IOException {
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        byte[] body = readBody(request);
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName(), field.getValue(), (a, b) -> a + ", " + b);
        }
        String host = request.getHeaders().get("Host");
        String origin = "https://" + (host == null ? "localhost:" + port() : host);
        if (identity.handles(path)) {
            GraphResponse answer = identity.handle(request.getMethod(), path, body, origin);
            String clientRequestId = headers.get("client-request-id");
            if (clientRequestId != null) {
                answer.header("client-request-id", clientRequestId);
            }
            answer.header("x-ms-request-id", RequestIds.next());
            if (answer.body() != null) {
                answer.header("Content-Type", "application/json; charset=utf-8");
            }
            later(drawLatency(), () -> write(response, callback, answer, Faults.Kind.NONE, Encoding.FIXED));
            return;
        }
        for (BesideGraph endpoint : besideGraph) {
            if (endpoint.handles(path)) {
                GraphResponse answer = endpoint.handle(request.getMethod(), path, query, headers, origin);
                later(drawLatency(), () -> write(response, callback, answer, Faults.Kind.NONE, Encoding.FIXED));
                return;
            }
        }
        String version = path.startsWith("/v1.0/") ? "v1.0" : path.startsWith("/beta/") ? "beta" : null;
        if (version == null) {
            GraphResponse missing = GraphResponse.text(404, "Not found");
            write(response, callback, missing, Faults.Kind.NONE, Encoding.FIXED);
            return;
        }
        // Graph answers a client that accepts gzip with a compressed body (see AnswerEncoding).
        Encoding encoding = AnswerEncoding.acceptsGzip(String.join(",",
                request.getHeaders().getValuesList(HttpHeader.ACCEPT_ENCODING))) ? Encoding.GZIP : Encoding.IDENTITY;
        GraphRequest graphRequest;
        try {
            graphRequest = GraphRequest.of(request.getMethod(), version, path.substring(version.length() + 1), query,
                    headers, body, origin);
        } catch (GraphException malformed) {
            GraphResponse refused = pipeline.refuse(request.getMethod(), path.substring(version.length() + 1), query,
                    headers, malformed);
            later(drawLatency(), () -> write(response, callback, refused, Faults.Kind.NONE, encoding));
            return;
        }
        Faults.Kind fault = drawFault();
        long delay = drawLatency() + (fault == Faults.Kind.SLOW ? faults.slowDelay().toMillis() : 0);
        switch (fault) {
            case CONNECTION_RESET -> {
                pipeline.logFault(graphRequest, 0, fault.logName());
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.failed(new IOException("injected connection reset"));
            }
            case SERVICE_UNAVAILABLE -> later(delay, () -> write(response, callback,
                    pipeline.fault(graphRequest, fault, 503, "serviceNotAvailable", "Service unavailable", "2"), fault, encoding));
            case GATEWAY_TIMEOUT -> later(delay, () -> write(response, callback,
                    pipeline.fault(graphRequest, fault, 504, "gatewayTimeout", "The gateway timed out.", null), fault, encoding));
            default -> {
                GraphResponse answer = pipeline.execute(graphRequest, fault.logName());
                later(delay, () -> write(response, callback, answer, fault, encoding));
            }
        }
    }

    private byte[] readBody(Request request) throws IOException {
        ByteBuffer buffer = Content.Source.asByteBuffer(request);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private void later(long delayMillis, Runnable action) {
        if (delayMillis <= 0) {
            action.run();
        } else {
            delays.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized long drawLatency() {
        return latency.drawMillis(random);
    }

    private synchronized Faults.Kind drawFault() {
        Faults current = faults;
        return current.any() ? current.draw(random.nextDouble()) : Faults.Kind.NONE;
    }

    /** How a body may be encoded: Graph's answers are negotiated, the identity platform's and the rest are not. */
    private enum Encoding { FIXED, IDENTITY, GZIP }

    /**
     * Faults act on the bytes Graph would send: a malformed body is compressed after it is cut, a truncated one is cut
     * after it is compressed.
     */
    private void write(Response response, Callback callback, GraphResponse answer, Faults.Kind fault, Encoding encoding) {
        try {
            response.setStatus(answer.status());
            answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
            if (encoding != Encoding.FIXED) {
                response.getHeaders().put(HttpHeader.VARY, "Accept-Encoding");
            }
            byte[] bytes = bodyBytes(answer);
            if (bytes.length == 0) {
                response.write(true, ByteBuffer.allocate(0), callback);
                return;
            }
            if (fault == Faults.Kind.MALFORMED_JSON) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
            }
            if (encoding == Encoding.GZIP && answer.body() != null && bytes.length >= AnswerEncoding.MIN_BYTES) {
                bytes = AnswerEncoding.gzip(bytes);
                response.getHeaders().put(HttpHeader.CONTENT_ENCODING, "gzip");
                pipeline.compressed();
            }
            if (fault == Faults.Kind.TRUNCATED_BODY) {
                response.getHeaders().put("Content-Length", String.valueOf(bytes.length));
                response.write(false, ByteBuffer.wrap(bytes, 0, Math.max(1, bytes.length / 2)), Callback.from(() -> {
                    response.getRequest().getConnectionMetaData().getConnection().getEndPoint().close();
                    callback.failed(new IOException("injected truncated body"));
                }, callback::failed));
                return;
            }
            response.getHeaders().put("Content-Length", String.valueOf(bytes.length));
            response.write(true, ByteBuffer.wrap(bytes), callback);
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    private static byte[] bodyBytes(GraphResponse answer) {
        JsonNode body = answer.body();
        if (body != null) {
            return Json.bytes(body);
        }
        return answer.text() == null ? new byte[0] : answer.text().getBytes(StandardCharsets.UTF_8);
    }
}
