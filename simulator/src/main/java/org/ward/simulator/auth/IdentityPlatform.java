package org.ward.simulator.auth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ward.simulator.server.GraphResponse;
import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.tenant.Tenant;

import tools.jackson.databind.node.ObjectNode;

/**
 * The identity platform endpoints a confidential client needs: the v2.0 token endpoint for the client-credentials
 * grant (client secret or certificate assertion), OpenID metadata, signing keys and instance discovery.
 */
public final class IdentityPlatform {

    private static final Pattern TOKEN = Pattern.compile("^/([^/]+)/oauth2/v2\\.0/token$");
    private static final Pattern METADATA = Pattern.compile("^/([^/]+)/v2\\.0/\\.well-known/openid-configuration$");
    private static final Pattern KEYS = Pattern.compile("^/([^/]+)/discovery/v2\\.0/keys$");
    private static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final Tenant tenant;
    private final TokenService tokens;
    private final ClientAssertions assertions;

    public IdentityPlatform(Tenant tenant, TokenService tokens, ClientAssertions assertions) {
        this.tenant = tenant;
        this.tokens = tokens;
        this.assertions = assertions;
    }

    /** Whether a path belongs to the identity platform rather than Graph. */
    public boolean handles(String path) {
        return TOKEN.matcher(path).matches() || METADATA.matcher(path).matches() || KEYS.matcher(path).matches()
                || path.equals("/common/discovery/instance");
    }

    public GraphResponse handle(String method, String path, byte[] body, String origin) {
        Matcher token = TOKEN.matcher(path);
        if (token.matches()) {
            if (!method.equals("POST")) {
                return failure(TokenFailure.badRequest("invalid_request", 900561,
                        "The endpoint only accepts POST requests. Received a " + method + " request."));
            }
            return token(token.group(1), form(body), origin + path);
        }
        Matcher metadata = METADATA.matcher(path);
        if (metadata.matches()) {
            return metadata(origin);
        }
        if (KEYS.matcher(path).matches()) {
            return GraphResponse.ok(Json.parse(tokens.publicKeys().toString()));
        }
        ObjectNode discovery = Json.object();
        discovery.put("tenant_discovery_endpoint", origin + "/" + tenant.id + "/v2.0/.well-known/openid-configuration");
        discovery.put("api-version", "1.1");
        ObjectNode entry = discovery.putArray("metadata").addObject();
        entry.put("preferred_network", hostOf(origin));
        entry.put("preferred_cache", hostOf(origin));
        entry.putArray("aliases").add(hostOf(origin));
        return GraphResponse.ok(discovery);
    }

    private GraphResponse token(String tenantSegment, Map<String, String> form, String endpointUrl) {
        if (!tenantSegment.equalsIgnoreCase(tenant.id) && !tenant.ownsDomain(tenantSegment)) {
            return failure(TokenFailure.badRequest("invalid_request", 90002, "Tenant '" + tenantSegment
                    + "' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."));
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            return failure(TokenFailure.badRequest("unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + form.get("grant_type") + "'."));
        }
        String clientId = form.get("client_id");
        AppRegistration app = clientId == null ? null : tenant.read(() -> tenant.app(clientId));
        if (app == null) {
            return failure(TokenFailure.badRequest("unauthorized_client", 700016, "Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenant.displayName + "'. This can happen if the application has"
                    + " not been installed by the administrator of the tenant or consented to by any user in the tenant."));
        }
        String scope = form.getOrDefault("scope", "");
        String resource = null;
        for (String s : scope.split(" ")) {
            if (s.endsWith("/.default")) {
                resource = s.substring(0, s.length() - "/.default".length());
            }
        }
        if (resource == null) {
            return failure(TokenFailure.badRequest("invalid_scope", 1002012, "The provided value for scope " + scope
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."));
        }
        boolean byCertificate;
        if (form.containsKey("client_assertion")) {
            if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
                return failure(TokenFailure.badRequest("invalid_request", 50027, "Invalid client_assertion_type."));
            }
            TokenFailure failure = assertions.check(form.get("client_assertion"), app, endpointUrl);
            if (failure != null) {
                return failure(failure);
            }
            byCertificate = true;
        } else {
            String secret = form.get("client_secret");
            if (secret == null) {
                return failure(TokenFailure.badRequest("invalid_client", 7000218,
                        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."));
            }
            if (!app.secrets().contains(secret)) {
                return failure(TokenFailure.invalidClient(7000215, "Invalid client secret provided. Ensure the secret being sent"
                        + " in the request is the client secret value, not the client secret ID, for a secret added to app '"
                        + app.clientId() + "'."));
            }
            byCertificate = false;
        }
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        body.put("expires_in", 3599);
        body.put("ext_expires_in", 3599);
        body.put("access_token", tokens.issue(tenant, app, resource.equals(TokenService.GRAPH_APP_ID)
                ? "https://graph.microsoft.com" : resource, byCertificate));
        return GraphResponse.ok(body);
    }

    private GraphResponse metadata(String origin) {
        ObjectNode body = Json.object();
        String base = origin + "/" + tenant.id;
        body.put("token_endpoint", base + "/oauth2/v2.0/token");
        body.putArray("token_endpoint_auth_methods_supported").add("client_secret_post").add("private_key_jwt")
                .add("client_secret_basic");
        body.put("jwks_uri", base + "/discovery/v2.0/keys");
        body.putArray("response_modes_supported").add("query").add("fragment").add("form_post");
        body.putArray("subject_types_supported").add("pairwise");
        body.putArray("id_token_signing_alg_values_supported").add("RS256");
        body.putArray("response_types_supported").add("code").add("id_token").add("code id_token").add("id_token token");
        body.putArray("scopes_supported").add("openid").add("profile").add("email").add("offline_access");
        body.put("issuer", origin + "/" + tenant.id + "/v2.0");
        body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        body.put("tenant_region_scope", "EU");
        return GraphResponse.ok(body);
    }

    private GraphResponse failure(TokenFailure failure) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = UUID.randomUUID().toString();
        // The identity platform's own format, e.g. "2016-01-09 02:02:12Z", and its CRLF-separated description.
        String timestamp = TIMESTAMP.format(tenant.now());
        ObjectNode body = Json.object();
        body.put("error", failure.error());
        body.put("error_description", "AADSTS" + failure.code() + ": " + failure.description() + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        body.putArray("error_codes").add(failure.code());
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + failure.code());
        return GraphResponse.status(failure.status(), body);
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> result = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    private static String hostOf(String origin) {
        return origin.replaceFirst("^https?://", "").toLowerCase(Locale.ROOT);
    }
}
