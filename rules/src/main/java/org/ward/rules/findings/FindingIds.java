package org.ward.rules.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.ward.rules.policy.FindingType;

/** Stable finding ids: "F-" and 16 hex digits of a hash over the type, the resource and a discriminator. */
final class FindingIds {

    private FindingIds() {
    }

    static String of(FindingType type, String resourceKey, String discriminator) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((type.name() + "|" + resourceKey + "|" + discriminator).getBytes(StandardCharsets.UTF_8));
            return "F-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
