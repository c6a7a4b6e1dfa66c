package org.ward.connector.standins;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ward.simulator.Simulator;

import com.sun.net.httpserver.HttpExchange;

/**
 * Key Vault's secrets data plane for reading (Get Secret), with Key Vault's challenge-based authentication: a request
 * without a token is answered 401 with {@code WWW-Authenticate: Bearer authorization="<authority>/<tenant>",
 * resource="https://vault.azure.net"}, and the client then asks Entra ID for a token for that resource and sends it
 * (https://learn.microsoft.com/azure/key-vault/general/authentication-requests-and-responses). Get Secret's shape:
 * https://learn.microsoft.com/rest/api/keyvault/secrets/get-secret/get-secret; a caller without a data role gets 403
 * Forbidden (ForbiddenByRbac), an unknown secret 404 SecretNotFound, a request without api-version 400 BadParameter.
 */
public final class KeyVaultStandIn extends AzureServiceStandIn {

    /** Key Vault's resource (the audience of its tokens) in Azure's global cloud. */
    public static final String AUDIENCE = "https://vault.azure.net";

    private record Secret(String value, String contentType, String version, boolean managed) {
    }

    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public KeyVaultStandIn(Simulator simulator) {
        super(simulator, AUDIENCE);
    }

    /** Stores a certificate's secret as Key Vault does when a certificate is imported or created (managed: true). */
    public void putCertificateSecret(String name, String value, String contentType) {
        secrets.put(name, new Secret(value, contentType, UUID.randomUUID().toString().replace("-", ""), true));
    }

    /** Stores a secret set by hand. */
    public void putSecret(String name, String value, String contentType) {
        secrets.put(name, new Secret(value, contentType, UUID.randomUUID().toString().replace("-", ""), false));
    }

    public String secretUrl(String name) {
        return origin() + "/secrets/" + name;
    }

    /** Requests served, in order: {@code GET /secrets/name/ 401 (no token)}, {@code GET /secrets/name/ 200 (bearer)}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String bearer = exchange.getRequestHeaders().getFirst("Authorization") == null ? "no token" : "bearer";
        int status = serve(exchange);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + status + " (" + bearer
                + ")");
    }

    private int serve(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null || !query.matches("(.*&)?api-version=[^&]+(&.*)?")) {
            return fail(exchange, 400, "BadParameter", "The 'api-version' query parameter is missing.");
        }
        if (!authorized(exchange)) {
            return exchange.getResponseCode();
        }
        String[] path = exchange.getRequestURI().getPath().split("/");
        if (!exchange.getRequestMethod().equals("GET") || path.length < 3 || path.length > 4 || !path[1].equals("secrets")) {
            return fail(exchange, 405, "MethodNotAllowed", "This stand-in serves Get Secret only.");
        }
        Secret secret = secrets.get(path[2]);
        String version = path.length == 4 ? path[3] : "";
        if (secret == null || !(version.isEmpty() || version.equals(secret.version()))) {
            return fail(exchange, 404, "SecretNotFound", "A secret with (name/id) " + path[2] + (version.isEmpty() ? ""
                    : "/" + version) + " was not found in this key vault. If you recently deleted this secret you may be"
                    + " able to recover it using the correct recovery command.");
        }
        long now = Instant.now().getEpochSecond();
        String id = origin() + "/secrets/" + path[2] + "/" + secret.version();
        String body = "{\"value\":" + json(secret.value()) + ",\"contentType\":" + json(secret.contentType()) + ",\"id\":"
                + json(id) + (secret.managed() ? ",\"kid\":" + json(origin() + "/keys/" + path[2] + "/" + secret.version())
                        + ",\"managed\":true" : "") + ",\"attributes\":{\"enabled\":true,\"created\":" + now
                + ",\"updated\":" + now + ",\"recoveryLevel\":\"Recoverable+Purgeable\",\"recoverableDays\":90}}";
        respond(exchange, 200, "application/json; charset=utf-8", utf8(body));
        return 200;
    }

    private int fail(HttpExchange exchange, int status, String code, String message) throws IOException {
        respond(exchange, status, "application/json; charset=utf-8", error(code, message));
        return status;
    }

    @Override
    protected byte[] error(String code, String message) {
        return utf8("{\"error\":{\"code\":" + json(code) + ",\"message\":" + json(message) + "}}");
    }

    @Override
    protected void unauthenticated(HttpExchange exchange, String code, String message) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/"
                + tenantId() + "\", resource=\"" + AUDIENCE + "\"");
        fail(exchange, 401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
    }

    @Override
    protected void forbidden(HttpExchange exchange) throws IOException {
        respond(exchange, 403, "application/json; charset=utf-8", utf8("{\"error\":{\"code\":\"Forbidden\",\"message\":"
                + "\"Caller is not authorized to perform action on resource. Action: 'Microsoft.KeyVault/vaults/secrets/"
                + "getSecret/action'\",\"innererror\":{\"code\":\"ForbiddenByRbac\"}}}"));
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
