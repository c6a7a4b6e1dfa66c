package org.ward.connector.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the audit log's keyed hash chain (HMAC-SHA256). It lives outside the database — derived from the
 * installation key in the data folder, or given as {@code ward.audit.key} (for example from Azure Key Vault through
 * the environment) — so whoever can write to the database cannot recompute the chain after changing a row.
 */
public final class AuditKey {

    private final byte[] key;
    private final String id;

    public AuditKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("An audit key needs at least 32 bytes.");
        }
        this.key = key.clone();
        this.id = mac("ward audit key id").substring(0, 16);
    }

    /** The audit key of an installation that has no configured one: derived from its installation key. */
    public static AuditKey derivedFrom(byte[] installationKey) {
        return new AuditKey(HexFormat.of().parseHex(new AuditKey(installationKey).mac("ward audit chain v2")));
    }

    /** A short public name of the key (a hash of it), stored with each entry so a wrong key is told from tampering. */
    public String id() {
        return id;
    }

    /** HMAC-SHA256 of the text, as 64 hex digits. */
    String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
