package org.ward.simulator.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.ward.simulator.tenant.AppRegistration;

/**
 * Checks a certificate client assertion as Entra does: the JWT names the certificate by thumbprint
 * ({@code x5t} or {@code x5t#S256}), is signed by that certificate's key (RS256 or PS256), is issued by and about
 * the client, is addressed to the token endpoint and has not expired.
 */
public final class ClientAssertions {

    private final Clock clock;

    public ClientAssertions(Clock clock) {
        this.clock = clock;
    }

    /** Returns null when the assertion is good, or the AADSTS failure to answer. */
    public TokenFailure check(String assertion, AppRegistration app, String tokenEndpointUrl) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return TokenFailure.invalidClient(50027, "JWT token is invalid or malformed.");
        }
        X509Certificate certificate = registeredCertificate(jwt, app);
        if (certificate == null) {
            return TokenFailure.invalidClient(700027, "The certificate with identifier used to sign the client assertion"
                    + " is not registered on application. [Reason - The key was not found.]");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) certificate.getPublicKey()))) {
                return TokenFailure.invalidClient(700027, "Client assertion failed signature validation.");
            }
        } catch (JOSEException | ClassCastException e) {
            return TokenFailure.invalidClient(700027, "Client assertion failed signature validation.");
        }
        if (!app.clientId().equals(claims.getIssuer()) || !app.clientId().equals(claims.getSubject())) {
            return TokenFailure.invalidClient(700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
            return TokenFailure.invalidClient(700024, "Client assertion is not within its valid time range.");
        }
        boolean audienceOk = claims.getAudience().stream().anyMatch(a -> normalise(a).equals(normalise(tokenEndpointUrl)));
        if (!audienceOk) {
            return TokenFailure.invalidClient(700212, "No matching federated identity record found for presented assertion audience '"
                    + String.join(",", claims.getAudience()) + "'.");
        }
        return null;
    }

    private static String normalise(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /**
     * MSAL writes thumbprints in standard Base64 with padding, other clients in base64url as RFC 7515 says;
     * Entra accepts both, so compare the alphabet-neutral form.
     */
    private static boolean sameThumbprint(Base64URL sent, byte[] digest) {
        if (sent == null) {
            return false;
        }
        String normalised = sent.toString().replace('+', '-').replace('/', '_').replace("=", "");
        return normalised.equals(Base64URL.encode(digest).toString());
    }

    private static X509Certificate registeredCertificate(SignedJWT jwt, AppRegistration app) {
        Base64URL sha1 = jwt.getHeader().getX509CertThumbprint();
        Base64URL sha256 = jwt.getHeader().getX509CertSHA256Thumbprint();
        for (X509Certificate certificate : app.certificates()) {
            try {
                byte[] der = certificate.getEncoded();
                if (sameThumbprint(sha1, MessageDigest.getInstance("SHA-1").digest(der))
                        || sameThumbprint(sha256, MessageDigest.getInstance("SHA-256").digest(der))) {
                    return certificate;
                }
                if (jwt.getHeader().getX509CertChain() != null && !jwt.getHeader().getX509CertChain().isEmpty()
                        && java.util.Arrays.equals(jwt.getHeader().getX509CertChain().get(0).decode(), der)) {
                    return certificate;
                }
            } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
                return null;
            }
        }
        return null;
    }
}
