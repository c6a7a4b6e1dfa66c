package org.ward.connector.standins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.ward.simulator.Simulator;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A local HTTPS server standing in for an Azure data-plane service (Blob storage, Key Vault) as strictly as the
 * service: TLS with a certificate from the simulator's CA (the CA Ward is configured to trust), and Microsoft Entra
 * bearer tokens only — issued by the simulator's token endpoint, checked for signature, expiry, tenant and the
 * service's audience — from principals granted a data role here. Subclasses answer the service's REST calls.
 */
public abstract class AzureServiceStandIn implements AutoCloseable {

    static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Simulator simulator;
    private final String audience;
    /** Service principal object ids (token {@code oid}) holding the service's data role. */
    private final Set<String> granted = ConcurrentHashMap.newKeySet();

    protected AzureServiceStandIn(Simulator simulator, String audience) {
        this.simulator = simulator;
        this.audience = audience;
        try {
            char[] password = "stand-in".toCharArray();
            KeyStore keys = simulator.certificateAuthority().serverKeyStore(password);
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, password);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(managers.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/", exchange -> {
                try (exchange) {
                    handle(exchange);
                } catch (RuntimeException e) {
                    respond(exchange, 500, "application/xml", error("InternalError", e.toString()));
                }
            });
            server.setExecutor(executor);
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code https://127.0.0.1:port} (an IP host: the Azure SDKs then read the account from the path, as for Azurite). */
    public String origin() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Grants the data role to the app with this client id (by its service principal, as an Azure role assignment). */
    public void grant(String clientId) {
        granted.add(servicePrincipal(clientId));
    }

    public void revoke(String clientId) {
        granted.remove(servicePrincipal(clientId));
    }

    private String servicePrincipal(String clientId) {
        return simulator.tenant().read(() -> simulator.tenant().app(clientId)).servicePrincipalId();
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** An error body in the service's format. */
    protected abstract byte[] error(String code, String message);

    /** The service's answer when the caller brings no token or a bad one (401 and the challenge Azure sends). */
    protected abstract void unauthenticated(HttpExchange exchange, String code, String message) throws IOException;

    /**
     * Checks the bearer token as the service does; answers 401 or 403 and returns false when it does not hold.
     */
    protected boolean authorized(HttpExchange exchange) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || header.isBlank()) {
            unauthenticated(exchange, "NoAuthenticationInformation", "Server failed to authenticate the request. Please"
                    + " refer to the information in the www-authenticate header.");
            return false;
        }
        if (!header.startsWith("Bearer ")) {
            unauthenticated(exchange, "InvalidAuthenticationInfo", "Authentication information is not given in the"
                    + " correct format. Check the value of Authorization header.");
            return false;
        }
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(header.substring(7).trim());
            RSAKey key = (RSAKey) simulator.tokens().publicKeys().getKeyByKeyId(jwt.getHeader().getKeyID());
            JWSVerifier verifier = key == null ? null : new RSASSAVerifier(key);
            if (verifier == null || !jwt.verify(verifier)) {
                throw new IllegalArgumentException("signature");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (Exception e) {
            unauthenticated(exchange, "InvalidAuthenticationInfo", "Server failed to authenticate the request. Please"
                    + " refer to the information in the www-authenticate header.");
            return false;
        }
        String tenant = simulator.info().tenantId();
        if (!claims.getAudience().contains(audience) || claims.getExpirationTime().before(new Date())
                || !tenant.equals(String.valueOf(claims.getClaim("tid")))) {
            unauthenticated(exchange, "InvalidAuthenticationInfo", "Server failed to authenticate the request. Please"
                    + " refer to the information in the www-authenticate header.");
            return false;
        }
        Object oid = claims.getClaim("oid");
        if (oid == null || !granted.contains(oid.toString())) {
            forbidden(exchange);
            return false;
        }
        return true;
    }

    /** 403 for an authenticated caller without the data role. */
    protected abstract void forbidden(HttpExchange exchange) throws IOException;

    protected String tenantId() {
        return simulator.info().tenantId();
    }

    protected static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        // Read what the client is still sending (a refused upload's body) before answering: closing on an unread
        // body resets the connection, and the client would see a reset instead of the service's error.
        exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
        exchange.getResponseHeaders().set("Date", RFC_1123.format(Instant.now()));
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    protected static String requestId() {
        return UUID.randomUUID().toString();
    }

    protected static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
