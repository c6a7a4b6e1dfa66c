package org.ward.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ward.simulator.tls.CertificateAuthority;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import tools.jackson.databind.JsonNode;

/** The identity platform's v2.0 token endpoint: client-credentials grants, AADSTS refusals, token claims. */
class TokenEndpointTests {

    static TestClock clock = TestClock.atNow();
    static Simulator simulator;
    static GraphHttp http;
    static String readerId;

    @BeforeAll
    static void start() {
        simulator = SmallClinic.start(Simulator.builder().clock(clock));
        http = GraphHttp.anonymous(simulator);
        readerId = SmallClinic.clientId(simulator, SmallClinic.READER);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void grantsATokenForTheClientSecretThroughAzureIdentity() {
        AccessToken token = SdkClients.secret(simulator, readerId, SmallClinic.READER_SECRET)
                .getTokenSync(new TokenRequestContext().addScopes(GraphHttp.GRAPH_SCOPE));

        assertThat(claims(token.getToken()).getClaim("appidacr")).isEqualTo("1");
    }

    @Test
    void grantsATokenForTheCertificateThePemFileHolds() {
        AccessToken token = SdkClients.certificate(simulator)
                .getTokenSync(new TokenRequestContext().addScopes(GraphHttp.GRAPH_SCOPE));

        assertThat(claims(token.getToken()).getClaim("appidacr")).as("certificate-authenticated").isEqualTo("2");
        assertThat(claims(token.getToken()).getClaim("appid")).isEqualTo(readerId);
    }

    @Test
    void refusesAWrongSecretWithAadsts7000215() {
        Reply reply = http.token(secretGrant(readerId, "not-the-secret"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(reply.json().path("error_codes").get(0).asInt()).isEqualTo(7000215);
        assertThat(reply.json().path("error_description").asString()).startsWith("AADSTS7000215: ");
    }

    @Test
    void refusesAnUnknownClientWithAadsts700016() {
        Reply reply = http.token(secretGrant(UUID.randomUUID().toString(), "whatever"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asString()).isEqualTo("unauthorized_client");
        assertThat(reply.json().path("error_codes").get(0).asInt()).isEqualTo(700016);
    }

    @Test
    void acceptsTheTenantsDomainInPlaceOfItsId() {
        Reply reply = http.token("smallclinic.onmicrosoft.com", secretGrant(readerId, SmallClinic.READER_SECRET));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(claims(reply.json().path("access_token").asString()).getClaim("tid")).isEqualTo(simulator.info().tenantId());
    }

    @Test
    void refusesAnUnknownTenantWithAadsts90002() {
        Reply reply = http.token("elsewhere.onmicrosoft.com", secretGrant(readerId, SmallClinic.READER_SECRET));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_request");
        assertThat(reply.json().path("error_codes").get(0).asInt()).isEqualTo(90002);
    }

    @Test
    void refusesAnAssertionSignedByACertificateTheAppNeverRegisteredWithAadsts700027() throws Exception {
        CertificateAuthority.ClientCertificate stranger = simulator.certificateAuthority().clientCertificate("Stranger");

        Reply reply = http.token(Map.of("client_id", readerId, "scope", GraphHttp.GRAPH_SCOPE,
                "grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion(stranger, readerId)));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(reply.json().path("error_codes").get(0).asInt()).isEqualTo(700027);
    }

    @Test
    void issuesATokenForGraphNamingTheTenantTheAppAndItsGrantedRoles() {
        Reply reply = http.token(secretGrant(readerId, SmallClinic.READER_SECRET));
        JWTClaimsSet claims = claims(reply.json().path("access_token").asString());

        assertThat(claims.getAudience()).containsExactly("https://graph.microsoft.com");
        assertThat(claims.getClaim("tid")).isEqualTo(simulator.info().tenantId());
        assertThat(claims.getClaim("appid")).isEqualTo(readerId);
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(clock.instant().plus(Duration.ofHours(1))));
        assertThat(claims.getClaim("roles")).asList().containsExactly("Sites.Read.All", "Files.Read.All",
                "User.Read.All", "Group.Read.All", "Team.ReadBasic.All", "Channel.ReadBasic.All", "Organization.Read.All");
    }

    @Test
    void givesAnAppWithoutPermissionsATokenWithNoRoles() {
        Reply reply = http.token(secretGrant(SmallClinic.clientId(simulator, SmallClinic.NO_PERMISSIONS),
                SmallClinic.NO_PERMISSIONS_SECRET));

        assertThat(claims(reply.json().path("access_token").asString()).getClaim("roles")).asList().isEmpty();
    }

    @Test
    void echoesTheClientRequestId() {
        Reply reply = http.token(secretGrant(readerId, SmallClinic.READER_SECRET), "client-request-id", "7d1c3c11-token");

        assertThat(reply.header("client-request-id")).isEqualTo("7d1c3c11-token");
    }

    @Test
    void answersATokenInTheDocumentedShape() {
        Reply reply = http.token(secretGrant(readerId, SmallClinic.READER_SECRET));

        // ext_expires_in: Entra sends it beside expires_in; the stored page predates it.
        assertThat(fields(reply.json())).containsExactlyInAnyOrderElementsOf(
                union(fields(example("token-success.json")), Set.of("ext_expires_in")));
        assertThat(reply.json().path("expires_in").isNumber()).isTrue();
    }

    @Test
    void answersARefusalInTheDocumentedShape() {
        Reply reply = http.token(secretGrant(readerId, "not-the-secret"));

        // error_uri: the newer error-code reference shows it in its sample.
        assertThat(fields(reply.json())).containsExactlyInAnyOrderElementsOf(
                union(fields(example("token-error.json")), Set.of("error_uri")));
        assertThat(reply.json().path("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
        assertThat(reply.json().path("error_description").asString())
                .contains("\r\nTrace ID: " + reply.json().path("trace_id").asString())
                .contains("\r\nCorrelation ID: " + reply.json().path("correlation_id").asString())
                .endsWith("\r\nTimestamp: " + reply.json().path("timestamp").asString());
    }

    private static Map<String, String> secretGrant(String clientId, String secret) {
        return Map.of("client_id", clientId, "client_secret", secret, "scope", GraphHttp.GRAPH_SCOPE,
                "grant_type", "client_credentials");
    }

    /** A client assertion as MSAL makes one: x5t names the certificate, RS256-signed by its key. */
    private static String assertion(CertificateAuthority.ClientCertificate certificate, String clientId) throws Exception {
        String endpoint = simulator.info().authority() + "/" + simulator.info().tenantId() + "/oauth2/v2.0/token";
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertThumbprint(
                Base64URL.encode(MessageDigest.getInstance("SHA-1").digest(certificate.certificate().getEncoded()))).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(endpoint)
                .jwtID(UUID.randomUUID().toString()).notBeforeTime(Date.from(clock.instant()))
                .expirationTime(Date.from(clock.instant().plus(Duration.ofMinutes(10)))).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new RSASSASigner(certificate.privateKey()));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            throw new AssertionError("Not a JWT: " + token, e);
        }
    }

    private static Set<String> fields(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static JsonNode example(String file) {
        try (InputStream in = TokenEndpointTests.class.getResourceAsStream("/graph-docs/" + file)) {
            return Reply.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
