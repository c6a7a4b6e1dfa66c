package org.ward.simulator.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Graph's response compression: a JSON answer goes gzip-compressed ({@code Content-Encoding: gzip}) to a client that
 * sends {@code Accept-Encoding: gzip}, as OkHttp (under the Java SDK) does on every request and inflates transparently.
 * Microsoft's SDK design specification makes every Graph SDK ask for gzip and inflate bodies marked
 * {@code Content-Encoding: gzip} ("Decompression Handler",
 * https://github.com/microsoftgraph/msgraph-sdk-design/blob/main/middleware/DecompressionHandler.md), and its
 * "Compression Handler" page quotes a real Graph answer to such a request: a 313-byte JSON error sent uncompressed with
 * {@code Vary: Accept-Encoding}. So small answers stay as they are; {@link #MIN_BYTES} is the simulator's own
 * threshold, Microsoft does not publish one. Compression runs at the cheapest level: the simulator's CPU is not what a
 * benchmark measures.
 */
public final class AnswerEncoding {

    /** Answers shorter than this go uncompressed (gzip's 18-byte frame would not pay for itself). */
    public static final int MIN_BYTES = 1024;

    private AnswerEncoding() {
    }

    /**
     * Whether an {@code Accept-Encoding} header (RFC 9110 §12.5.3; several header lines joined with commas) accepts
     * gzip: {@code gzip}, {@code x-gzip} or {@code *} with a weight above zero, unless gzip itself is weighted zero.
     */
    public static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        Boolean gzip = null;
        boolean anything = false;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean wanted = weight(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = gzip == null ? wanted : gzip || wanted;
            } else if (coding.equals("*")) {
                anything = wanted;
            }
        }
        return gzip != null ? gzip : anything;
    }

    private static double weight(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException unreadable) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The bytes in a gzip member (RFC 1952), deflated at the fastest level. */
    public static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (OutputStream gzip = new FastGzip(out)) {
            gzip.write(bytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
