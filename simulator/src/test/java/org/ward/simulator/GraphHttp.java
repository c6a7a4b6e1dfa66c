package org.ward.simulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Plain HTTPS calls to a running simulator, trusting its CA, as one application: the raw status, headers and
 * JSON are what the tests assert on. The SDK-based fidelity checks parse these same bodies.
 */
public final class GraphHttp {

    static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";

    private final Simulator simulator;
    private final HttpClient client;
    private final String token;

    private GraphHttp(Simulator simulator, HttpClient client, String token) {
        this.simulator = simulator;
        this.client = client;
        this.token = token;
    }

    /** Signs in with a client secret through the simulator's token endpoint. */
    public static GraphHttp signIn(Simulator simulator, String clientId, String secret) {
        GraphHttp anonymous = anonymous(simulator);
        Reply reply = anonymous.token(Map.of("client_id", clientId, "client_secret", secret, "scope", GRAPH_SCOPE,
                "grant_type", "client_credentials"));
        if (reply.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + reply);
        }
        return anonymous.withToken(reply.json().path("access_token").asString());
    }

    /** No Authorization header at all. */
    static GraphHttp anonymous(Simulator simulator) {
        return new GraphHttp(simulator, client(simulator), null);
    }

    GraphHttp withToken(String accessToken) {
        return new GraphHttp(simulator, client, accessToken);
    }

    String token() {
        return token;
    }

    public Reply get(String pathOrUrl, String... headers) {
        return send("GET", pathOrUrl, null, headers);
    }

    public Reply post(String pathOrUrl, String json, String... headers) {
        return send("POST", pathOrUrl, json, headers);
    }

    public Reply patch(String pathOrUrl, String json, String... headers) {
        return send("PATCH", pathOrUrl, json, headers);
    }

    public Reply delete(String pathOrUrl, String... headers) {
        return send("DELETE", pathOrUrl, null, headers);
    }

    /**
     * @param pathOrUrl a Graph path such as "/users" (after the version) or an absolute nextLink/deltaLink
     * @param json a JSON body, or null
     * @param headers name, value, name, value, ...
     */
    Reply send(String method, String pathOrUrl, String json, String... headers) {
        String url = pathOrUrl.startsWith("https://") ? pathOrUrl : simulator.info().graphBaseUrl() + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(request.build());
    }

    /** A POST to the identity platform's v2.0 token endpoint of the simulator's tenant. */
    Reply token(Map<String, String> form, String... headers) {
        return token(simulator.info().tenantId(), form, headers);
    }

    /** A POST to the token endpoint of the given tenant (an id or a domain). */
    Reply token(String tenant, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.info().authority() + "/" + tenant
                + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return exchange(request.build());
    }

    /** Sends as is; an I/O failure (a dropped connection, a body cut short) surfaces as UncheckedIOException. */
    Reply exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Encodes a query value the way Graph clients do: spaces as %20, never '+'. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static HttpClient client(Simulator simulator) {
        return HttpClient.newBuilder().sslContext(trustingCa(simulator)).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A TLS context that trusts the simulator's CA (and so every certificate the simulator issues). */
    static SSLContext trustingCa(Simulator simulator) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("simulator", CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(Files.readAllBytes(simulator.info().caCertificate()))));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, factory.getTrustManagers(), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot trust the simulator's CA", e);
        }
    }
}
