package org.ward.rules.findings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Short item references: "i-" and 8 hex digits of a hash over the drive and item ids. Graph's ids are long and say
 * nothing to a person; a hash keeps the reference short and stable. Eight hex digits make a clash between two files
 * of one report unlikely (one in about four billion for a pair).
 */
public final class ItemRefs {

    private ItemRefs() {
    }

    public static String of(String driveId, String itemId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((driveId + "/" + itemId).getBytes(StandardCharsets.UTF_8));
            return "i-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
