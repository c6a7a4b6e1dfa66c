package org.ward.connector.graph;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;

import reactor.core.publisher.Mono;

/**
 * Hands every Graph request the same access token until five minutes before it expires, then fetches one new token
 * while the other callers wait for it. The SDK asks the credential for a token on every request, and MSAL's own
 * cache does not always answer (it missed on every call against an authority on a non-default port), so without this
 * each Graph call could cost a round trip to the token endpoint, which Entra ID throttles. A request carrying
 * claims (a continuous-access-evaluation challenge) always gets a fresh token.
 */
final class ReusedAccessToken implements TokenCredential {

    static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(5);

    private final TokenCredential source;
    private final Clock clock;
    private final Map<String, AccessToken> tokens = new ConcurrentHashMap<>();
    private final Map<String, Object> fetching = new ConcurrentHashMap<>();

    ReusedAccessToken(TokenCredential source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** The credential that actually signs in. */
    TokenCredential source() {
        return source;
    }

    @Override
    public Mono<AccessToken> getToken(TokenRequestContext request) {
        return Mono.fromCallable(() -> getTokenSync(request));
    }

    @Override
    public AccessToken getTokenSync(TokenRequestContext request) {
        if (request.getClaims() != null && !request.getClaims().isBlank()) {
            AccessToken fresh = source.getTokenSync(request);
            tokens.put(key(request), fresh);
            return fresh;
        }
        String key = key(request);
        AccessToken known = tokens.get(key);
        if (usable(known)) {
            return known;
        }
        synchronized (fetching.computeIfAbsent(key, k -> new Object())) {
            known = tokens.get(key);
            if (usable(known)) {
                return known;
            }
            AccessToken fresh = source.getTokenSync(request);
            tokens.put(key, fresh);
            return fresh;
        }
    }

    /**
     * Drops every token held and fetches a new one: Graph refused the current one (401) although it had not expired
     * by its own clock, because it was revoked or expired early. Returns the new {@code Authorization} header value.
     */
    String renew(String scope) {
        tokens.clear();
        TokenRequestContext context = new TokenRequestContext().addScopes(scope);
        return "Bearer " + getTokenSync(context).getToken();
    }

    private boolean usable(AccessToken token) {
        return token != null && OffsetDateTime.now(clock).isBefore(token.getExpiresAt().minus(REFRESH_BEFORE_EXPIRY));
    }

    private static String key(TokenRequestContext request) {
        return new TreeSet<>(request.getScopes()) + "|" + request.getTenantId();
    }
}
