package org.ward.connector.database;

/**
 * Text made to fit the column that stores it. Names in a tenant have no length Ward can rely on (a hostile or careless
 * name can be thousands of characters), so a value longer than its column is stored cut short with a visible marker
 * rather than failing the scan on every run. Pure.
 */
public final class ColumnText {

    /** Ends a value that was cut to fit its column. */
    public static final String MARKER = "…[truncated]";

    private ColumnText() {
    }

    /** {@code value} as is when it fits {@code maxChars}, else its start and {@link #MARKER}, {@code maxChars} long. */
    public static String fit(String value, int maxChars) {
        if (value == null || value.length() <= maxChars) {
            return value;
        }
        int keep = maxChars - MARKER.length();
        if (keep > 0 && Character.isHighSurrogate(value.charAt(keep - 1))) {
            keep--;
        }
        return value.substring(0, Math.max(0, keep)) + MARKER;
    }
}
