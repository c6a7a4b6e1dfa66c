package org.ward.connector.standins;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ward.simulator.Simulator;

import com.sun.net.httpserver.HttpExchange;

/**
 * Microsoft Entra ID's v2.0 token endpoint for one app's client-credentials grant, issuing one fixed access token:
 * what a service such as PostgreSQL, which compares the token with the role's password here, can check. Metadata and
 * errors as the identity platform shapes them (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow).
 */
public final class EntraTokenStandIn extends AzureServiceStandIn {

    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private final String resource;
    private final String token;
    private final List<String> scopes = new CopyOnWriteArrayList<>();

    /** Issues {@code token} to {@code clientId} with {@code clientSecret} for {@code resource}'s {@code /.default}. */
    public EntraTokenStandIn(Simulator tls, String tenantId, String clientId, String clientSecret, String resource,
            String token) {
        super(tls, resource);
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.resource = resource;
        this.token = token;
    }

    /** The scopes tokens were asked for, in order. */
    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String base = origin() + "/" + tenantId;
        if (path.equals("/" + tenantId + "/v2.0/.well-known/openid-configuration")) {
            respond(exchange, 200, "application/json", utf8("{\"token_endpoint\":\"" + base + "/oauth2/v2.0/token\","
                    + "\"token_endpoint_auth_methods_supported\":[\"client_secret_post\",\"private_key_jwt\","
                    + "\"client_secret_basic\"],\"jwks_uri\":\"" + base + "/discovery/v2.0/keys\",\"issuer\":\"" + base
                    + "/v2.0\",\"authorization_endpoint\":\"" + base + "/oauth2/v2.0/authorize\"}"));
            return;
        }
        if (!path.equals("/" + tenantId + "/oauth2/v2.0/token") || !exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 404, "application/json", error("invalid_request", "AADSTS90002: Tenant or endpoint not"
                    + " found."));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String scope = form.getOrDefault("scope", "");
        scopes.add(scope);
        if (!"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, "application/json", error("unsupported_grant_type", "AADSTS70003: The app requested"
                    + " an unsupported grant type."));
        } else if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            respond(exchange, 401, "application/json", error("invalid_client", "AADSTS7000215: Invalid client secret"
                    + " provided."));
        } else if (!java.util.Arrays.asList(scope.split(" ")).contains(resource + "/.default")) {
            // MSAL adds openid, profile and offline_access, which Entra ID accepts beside the resource's /.default.
            respond(exchange, 400, "application/json", error("invalid_scope", "AADSTS1002012: The provided value for"
                    + " scope " + scope + " is not valid."));
        } else {
            respond(exchange, 200, "application/json", utf8("{\"token_type\":\"Bearer\",\"expires_in\":3599,"
                    + "\"ext_expires_in\":3599,\"access_token\":\"" + token + "\"}"));
        }
    }

    @Override
    protected byte[] error(String code, String message) {
        return utf8("{\"error\":\"" + code + "\",\"error_description\":\"" + message + "\",\"error_codes\":[0]}");
    }

    @Override
    protected void unauthenticated(HttpExchange exchange, String code, String message) throws IOException {
        respond(exchange, 401, "application/json", error(code, message));
    }

    @Override
    protected void forbidden(HttpExchange exchange) throws IOException {
        respond(exchange, 403, "application/json", error("access_denied", "Forbidden"));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
