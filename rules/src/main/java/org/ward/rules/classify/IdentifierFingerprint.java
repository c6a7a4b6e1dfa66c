package org.ward.rules.classify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.ward.rules.policy.IdentifierType;

/**
 * A stable value for joining findings on the same patient without storing the identifier. It is an HMAC, not a
 * plain hash: NHS numbers have only about 10^9 valid values, so an unkeyed SHA-256 could be reversed by trying them
 * all. The key is the installation's secret; it never appears in reports.
 */
public final class IdentifierFingerprint {

    private static final int MIN_KEY_BYTES = 16;

    private final byte[] key;

    public IdentifierFingerprint(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the identifier fingerprint key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /** "hmac-sha256:" and 32 hex digits; the same for "943 476 5919" and "9434765919". */
    public String of(IdentifierType type, String value) {
        String normalised = type.key() + ":" + value.replaceAll("[^A-Za-z0-9]", "").toUpperCase(java.util.Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8));
            return "hmac-sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
