package org.ward.simulator.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * The few ASN.1 DER encodings an X.509 v3 certificate needs (ITU-T X.690, RFC 5280 §4.1): enough for the simulator's
 * certificate authority to write its certificates with the JDK alone. The JDK parses, verifies and uses certificates
 * but has no public API to make one, and BouncyCastle's signed jars cost the simulator's start-up about a second of
 * class loading and verification for these few bytes.
 */
final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Instant GENERALIZED_FROM = Instant.parse("2050-01-01T00:00:00Z");

    private Der() {
    }

    static byte[] sequence(byte[]... elements) {
        return tagged(0x30, concat(elements));
    }

    static byte[] set(byte[]... elements) {
        return tagged(0x31, concat(elements));
    }

    /** A context-specific, constructed (explicit) tag around an encoding: [n] EXPLICIT. */
    static byte[] explicit(int n, byte[] encoded) {
        return tagged(0xA0 | n, encoded);
    }

    /** A context-specific, primitive (implicit) tag over raw contents: [n] IMPLICIT. */
    static byte[] implicit(int n, byte[] contents) {
        return tagged(0x80 | n, contents);
    }

    static byte[] integer(BigInteger value) {
        return tagged(0x02, value.toByteArray());
    }

    static byte[] bool(boolean value) {
        return tagged(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    static byte[] nul() {
        return new byte[] {0x05, 0x00};
    }

    static byte[] octetString(byte[] contents) {
        return tagged(0x04, contents);
    }

    /** A BIT STRING of whole bytes (a signature, a key). */
    static byte[] bitString(byte[] contents) {
        return tagged(0x03, concat(new byte[] {0}, contents));
    }

    /**
     * A named-bit BIT STRING (key usage), bits numbered from the first byte's most significant bit, with trailing zero
     * bits left out as DER requires.
     */
    static byte[] namedBits(int... bits) {
        int highest = Arrays.stream(bits).max().orElse(-1);
        byte[] contents = new byte[highest / 8 + 1];
        for (int bit : bits) {
            contents[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        int unused = 7 - highest % 8;
        return tagged(0x03, concat(new byte[] {(byte) unused}, contents));
    }

    static byte[] utf8(String value) {
        return tagged(0x0C, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An OBJECT IDENTIFIER from its dotted form, e.g. "2.5.29.19". */
    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(out, Long.parseLong(arcs[i]));
        }
        return tagged(0x06, out.toByteArray());
    }

    /** UTCTime until 2049, GeneralizedTime from 2050 (RFC 5280 §4.1.2.5), to the second. */
    static byte[] time(Instant instant) {
        return instant.isBefore(GENERALIZED_FROM)
                ? tagged(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII))
                : tagged(0x18, GENERALIZED_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    /** The contents of the last element of a SEQUENCE (e.g. the key bits of a SubjectPublicKeyInfo), unused-bits byte dropped. */
    static byte[] lastBitStringOf(byte[] sequence) {
        int at = headerLength(sequence, 0);
        int last = at;
        while (at < sequence.length) {
            last = at;
            at += headerLength(sequence, at) + contentLength(sequence, at);
        }
        if (sequence[last] != 0x03) {
            throw new IllegalArgumentException("Not a SEQUENCE ending in a BIT STRING");
        }
        int start = last + headerLength(sequence, last) + 1;
        return Arrays.copyOfRange(sequence, start, last + headerLength(sequence, last) + contentLength(sequence, last));
    }

    private static int headerLength(byte[] der, int at) {
        int first = der[at + 1] & 0xFF;
        return first < 0x80 ? 2 : 2 + (first & 0x7F);
    }

    private static int contentLength(byte[] der, int at) {
        int first = der[at + 1] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xFF);
        }
        return length;
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int group = (int) ((value >>> (7 * i)) & 0x7F);
            out.write(i == 0 ? group : group | 0x80);
        }
    }

    static byte[] tagged(int tag, byte[] contents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(contents.length + 6);
        out.write(tag);
        int length = contents.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(contents);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
