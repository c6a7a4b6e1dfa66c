package org.ward.connector.graph;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an app-only access token says about Ward: tenant, app, audience and the application permissions
 * (the {@code roles} claim) an admin consented to. Read from the JWT payload without checking the signature:
 * the token came straight from the authority and Graph checks it on every call.
 *
 * @param tenantId  the {@code tid} claim
 * @param appId     the {@code appid} (v1 tokens) or {@code azp} (v2 tokens) claim
 * @param audience  the {@code aud} claim, e.g. {@code https://graph.microsoft.com}
 * @param roles     the application permissions, sorted; empty when none are consented
 * @param expiresAt when the token expires
 */
public record TokenPermissions(String tenantId, String appId, String audience, List<String> roles,
        OffsetDateTime expiresAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public TokenPermissions {
        roles = List.copyOf(roles);
    }

    public boolean has(String permission) {
        return roles.stream().anyMatch(role -> role.equalsIgnoreCase(permission));
    }

    static TokenPermissions fromJwt(String token, OffsetDateTime expiresAt, String authority) {
        String[] parts = token.split("\\.");
        try {
            if (parts.length < 2) {
                throw new IllegalArgumentException("not three dot-separated parts");
            }
            JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            List<String> roles = new ArrayList<>();
            claims.path("roles").forEach(role -> roles.add(role.asString()));
            roles.sort(String.CASE_INSENSITIVE_ORDER);
            String app = claims.path("appid").asString(claims.path("azp").asString(""));
            return new TokenPermissions(claims.path("tid").asString(""), app, claims.path("aud").asString(""), roles,
                    expiresAt);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new GraphAccessException("The access token from " + authority + " is not a readable JWT ("
                    + e.getMessage() + "), so Ward cannot list its permissions: check that ward.graph.authority "
                    + "points at Microsoft Entra ID or a faithful stand-in.", e);
        }
    }
}
