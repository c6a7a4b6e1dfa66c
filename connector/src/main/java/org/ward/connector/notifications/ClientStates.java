package org.ward.connector.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The {@code clientState} secret of each subscription: 256 random bits (43 characters, under Graph's 128), sent once
 * when the subscription is created and echoed by Graph in every notification. Ward keeps only its SHA-256 and compares
 * digests in constant time, so neither a copy of the database nor response timing helps forge a notification.
 */
final class ClientStates {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when a notification carries no client state, so that case takes the same time. */
    private static final byte[] NOTHING = digest("");

    private ClientStates() {
    }

    static String fresh() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    static String sha256(String clientState) {
        return HexFormat.of().formatHex(digest(clientState));
    }

    /** Whether the client state a notification carries is the subscription's; false when it carries none. */
    static boolean matches(String received, String storedSha256) {
        byte[] expected = storedSha256 == null ? NOTHING : HexFormat.of().parseHex(storedSha256);
        boolean equal = MessageDigest.isEqual(digest(received == null ? "" : received), expected);
        return equal && received != null && storedSha256 != null;
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
