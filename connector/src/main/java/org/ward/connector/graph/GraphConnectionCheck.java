package org.ward.connector.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;

/**
 * Signs in the way every Graph call does and reports the application permissions the token carries; the
 * basis of {@code ward check-connection}, which compares them with what the enabled checks need.
 */
public final class GraphConnectionCheck {

    private final TokenCredential credential;
    private final GraphSettings settings;
    private final GraphErrors errors;

    public GraphConnectionCheck(TokenCredential credential, GraphSettings settings, GraphErrors errors) {
        this.credential = credential;
        this.settings = settings;
        this.errors = errors;
    }

    /** Acquires a token for the configured scope; failures become {@link GraphAccessException} sentences. */
    public TokenPermissions grantedPermissions() {
        GraphEndpoints endpoints = settings.endpoints();
        AccessToken token = errors.call(
                () -> credential.getTokenSync(new TokenRequestContext().addScopes(endpoints.scope())));
        return TokenPermissions.fromJwt(token.getToken(), token.getExpiresAt(), endpoints.authority().toString());
    }
}
