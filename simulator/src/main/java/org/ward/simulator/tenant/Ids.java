package org.ward.simulator.tenant;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic identifiers in Graph's formats, derived from a seed and a name, so the same fixture always gives
 * the same ids (and so the same finding ids) run after run.
 */
public final class Ids {

    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final String seed;

    public Ids(String seed) {
        this.seed = seed;
    }

    private byte[] digest(String kind, String name) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(seed.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(kind.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Entra object id or other GUID. */
    public String guid(String kind, String name) {
        ByteBuffer b = ByteBuffer.wrap(digest(kind, name));
        long hi = (b.getLong() & ~0xF000L) | 0x4000L;
        long lo = (b.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo).toString();
    }

    /** A driveItem id as SharePoint shapes them: "01" and 32 base32 characters. */
    public String itemId(String name) {
        byte[] d = digest("item", name);
        StringBuilder sb = new StringBuilder("01");
        for (int i = 0; i < 32; i++) {
            sb.append(BASE32[(d[i % d.length] & 0xFF) % 32]);
        }
        return sb.toString();
    }

    /** A business drive id: "b!" and 64 url-safe base64 characters. */
    public String driveId(String name) {
        byte[] d = digest("drive", name);
        byte[] twice = new byte[48];
        System.arraycopy(d, 0, twice, 0, 32);
        System.arraycopy(digest("drive2", name), 0, twice, 32, 16);
        return "b!" + Base64.getUrlEncoder().withoutPadding().encodeToString(twice);
    }

    /** A permission id. */
    public String permissionId(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest("permission", name)).substring(0, 24);
    }

    /** A Teams channel id: "19:…@thread.tacv2". */
    public String channelId(String name) {
        String hex = HexFormat.of().formatHex(digest("channel", name)).substring(0, 32);
        return "19:" + hex + "@thread.tacv2";
    }

    /** A content hash in quickXorHash's shape (20 bytes, base64), derived from a content key. */
    public static String contentHash(String contentKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(contentKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A SHA-1 in Graph's upper-case hex form, derived from a content key. */
    public static String sha1Hex(String contentKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(("sha1:" + contentKey).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
