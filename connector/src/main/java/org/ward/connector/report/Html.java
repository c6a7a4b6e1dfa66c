package org.ward.connector.report;

import java.util.Locale;

/**
 * The only way a value gets into the page: masked, then escaped for text and double-quoted attributes alike. File
 * names, paths and owners come from the tenant, so they are treated as hostile.
 */
final class Html {

    private final MaskedText masked;

    Html(MaskedText masked) {
        this.masked = masked;
    }

    /** A value masked and escaped; null becomes "". */
    String text(String value) {
        return escape(masked.text(value));
    }

    /** A value masked, cut to {@code max} characters (after masking, so a cut never leaves digits in clear), escaped. */
    String shortText(String value, int max) {
        String safe = masked.text(value);
        if (safe != null && safe.length() > max) {
            safe = safe.substring(0, max - 1) + "\u2026";
        }
        return escape(safe);
    }

    /** A number, which needs no escaping. */
    String number(long value) {
        return Long.toString(value);
    }

    /**
     * A link to a finding's own place in the tenant. Only http(s) URLs become links (never "javascript:" or
     * "data:"); they open in a new tab without telling the target where they came from.
     */
    String link(String url, String label) {
        String safe = masked.url(url);
        if (safe == null || !safe.toLowerCase(Locale.ROOT).matches("https?://.*")) {
            return text(label);
        }
        return "<a href=\"" + escape(safe) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + text(label) + "</a>";
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
