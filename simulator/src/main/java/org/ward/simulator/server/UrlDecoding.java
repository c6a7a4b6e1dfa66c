package org.ward.simulator.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of paths and query strings. A '%' not followed by two hexadecimal digits is a malformed URL,
 * answered with a JSON 400 in Graph's error envelope. Microsoft documents no body for it; the simulator uses Graph's
 * generic {@code BadRequest} code with a sentence that says what was wrong.
 */
final class UrlDecoding {

    private UrlDecoding() {
    }

    /** Decodes a path segment or a query key or value ('+' stays a plus: Graph clients encode spaces as %20). */
    static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refusal(s);
        }
    }

    private static GraphException refusal(String s) {
        String bad = malformed(s);
        return new GraphException(400, "BadRequest", "The request URL is not valid: '" + (bad == null ? s : bad)
                + "' is not a percent-encoded character (a '%' must be followed by two hexadecimal digits).");
    }

    private static String malformed(String s) {
        int at = s.indexOf('%');
        while (at >= 0) {
            String escape = s.substring(at, Math.min(s.length(), at + 3));
            if (escape.length() < 3 || Character.digit(escape.charAt(1), 16) < 0 || Character.digit(escape.charAt(2), 16) < 0) {
                return escape;
            }
            at = s.indexOf('%', at + 1);
        }
        return null;
    }
}
