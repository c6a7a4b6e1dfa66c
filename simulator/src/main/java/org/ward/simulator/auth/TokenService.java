package org.ward.simulator.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.ward.simulator.server.GraphException;
import org.ward.simulator.tenant.AppRegistration;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tls.MadeAhead;

/**
 * Issues and verifies access tokens: RS256-signed JWTs shaped like Entra's v1.0 app-only Graph tokens
 * ({@code aud}, {@code iss}, {@code tid}, {@code appid}, {@code roles}, {@code exp}, ...).
 */
public final class TokenService {

    /** Graph's resource id, which Entra also accepts as an audience. */
    public static final String GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

    private final Clock clock;
    private final Duration lifetime;
    private final java.util.concurrent.atomic.AtomicLong issued = new java.util.concurrent.atomic.AtomicLong();
    private final String keyId = UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    private final MadeAhead<KeyPair> signingKey;
    private final Set<String> audiences = new LinkedHashSet<>(List.of("https://graph.microsoft.com",
            "https://graph.microsoft.us", "https://dod-graph.microsoft.us", "https://microsoftgraph.chinacloudapi.cn",
            GRAPH_APP_ID));

    /** Starts making the RSA signing key on its own thread (a few hundred milliseconds); the first token waits for it. */
    public TokenService(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.signingKey = new MadeAhead<>("token-signing-key", () -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private RSAPrivateKey privateKey() {
        return (RSAPrivateKey) signingKey.get().getPrivate();
    }

    private RSAPublicKey publicKey() {
        return (RSAPublicKey) signingKey.get().getPublic();
    }

    /** Also accept tokens for this audience (e.g. the simulator's own origin). */
    public void acceptAudience(String audience) {
        audiences.add(audience);
    }

    public String issue(Tenant tenant, AppRegistration app, String audience, boolean byCertificate) {
        issued.incrementAndGet();
        return issue(tenant, app, audience, byCertificate, clock.instant());
    }

    /** Access tokens the token endpoint has issued since start: a client that reuses its token asks rarely. */
    public long issuedCount() {
        return issued.get();
    }

    /** Issues a token as if at {@code issuedAt}; tests use a past instant to get an expired token. */
    public String issue(Tenant tenant, AppRegistration app, String audience, boolean byCertificate, Instant issuedAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .audience(audience)
                .issuer("https://sts.windows.net/" + tenant.id + "/")
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .claim("aio", UUID.randomUUID().toString().replace("-", ""))
                .claim("app_displayname", app.displayName())
                .claim("appid", app.clientId())
                .claim("appidacr", byCertificate ? "2" : "1")
                .claim("idp", "https://sts.windows.net/" + tenant.id + "/")
                .claim("idtyp", "app")
                .claim("oid", app.servicePrincipalId())
                .claim("rh", "0.simulated.")
                .claim("roles", new ArrayList<>(app.permissions()))
                .subject(app.servicePrincipalId())
                .claim("tid", tenant.id)
                .claim("uti", UUID.randomUUID().toString().replace("-", "").substring(0, 22))
                .claim("ver", "1.0")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId)
                .x509CertThumbprint(null).build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String token = jwt.serialize();
        issuedTokens.add(token);
        return token;
    }

    /**
     * Verifies a bearer token the way Graph does and answers 401 {@code InvalidAuthenticationToken} when it is
     * missing, malformed, badly signed, expired or meant for another audience or tenant.
     */
    public Caller verify(String authorization, Tenant tenant) {
        refuseIfEndedEarly(authorization);
        Verified known = verified.get(authorization == null ? "" : authorization);
        if (known != null && known.expiry().isAfter(clock.instant()) && known.tenantId().equals(tenant.id)) {
            return known.caller();
        }
        Caller caller = verifyAfresh(authorization, tenant);
        if (verified.size() > 10_000) {
            verified.clear();
        }
        verified.put(authorization, new Verified(caller, tenant.id, expiryOf(authorization)));
        return caller;
    }

    /** Tokens ended before their expiry (revoked, or expired early), by their text. */
    private final Set<String> ended = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Tokens issued so far, so they can all be ended at once. */
    private final Set<String> issuedTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> uses =
            new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int usesBeforeEarlyExpiry;

    /**
     * Ends every token issued so far before its expiry, as a revocation (a changed secret, a disabled app, a
     * continuous-access-evaluation event) or Entra's early expiry does: Graph answers 401 InvalidAuthenticationToken
     * to them, and the app must sign in again.
     */
    public void expireIssuedTokens() {
        ended.addAll(issuedTokens);
    }

    /** From now on every token expires early, after this many requests (0: never). */
    public void expireTokensAfter(int requests) {
        usesBeforeEarlyExpiry = requests;
    }

    private void refuseIfEndedEarly(String authorization) {
        if (authorization == null || authorization.length() <= 7) {
            return;
        }
        String token = authorization.substring(7).trim();
        int limit = usesBeforeEarlyExpiry;
        if (limit > 0 && uses.computeIfAbsent(token, t -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet() > limit) {
            ended.add(token);
        }
        if (ended.contains(token)) {
            throw unauthorized("Lifetime validation failed, the token is expired.");
        }
    }

    /** A token already checked: the signature need not be verified again until it expires. */
    private record Verified(Caller caller, String tenantId, Instant expiry) {
    }

    private final java.util.Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private static Instant expiryOf(String authorization) {
        try {
            return SignedJWT.parse(authorization.substring(7).trim()).getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (ParseException e) {
            return Instant.EPOCH;
        }
    }

    private Caller verifyAfresh(String authorization, Tenant tenant) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("Access token is empty.");
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("Access token is empty.");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(authorization.substring(7).trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw unauthorized("IDX14100: JWT is not well formed.");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(publicKey()))) {
                throw unauthorized("Access token validation failure. Invalid signature.");
            }
        } catch (JOSEException e) {
            throw unauthorized("Access token validation failure. Invalid signature.");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
            throw unauthorized("Lifetime validation failed, the token is expired.");
        }
        if (claims.getAudience().stream().noneMatch(audiences::contains)) {
            throw unauthorized("Access token validation failure. Invalid audience.");
        }
        Object tid = claims.getClaim("tid");
        if (!tenant.id.equals(tid)) {
            throw unauthorized("Access token validation failure. Invalid tenant.");
        }
        Object roles = claims.getClaim("roles");
        Set<String> granted = new LinkedHashSet<>();
        if (roles instanceof List<?> list) {
            list.forEach(r -> granted.add(String.valueOf(r)));
        }
        return new Caller(String.valueOf(claims.getClaim("appid")), tenant.id, Set.copyOf(granted));
    }

    public JWKSet publicKeys() {
        return new JWKSet(new RSAKey.Builder(publicKey()).keyID(keyId).build());
    }

    private static GraphException unauthorized(String message) {
        return new GraphException(401, "InvalidAuthenticationToken", message);
    }
}
