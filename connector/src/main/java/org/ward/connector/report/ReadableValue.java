package org.ward.connector.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Structured details as a person reads them: "approved site: https://…; approved path: /Clinical/…" rather than a
 * Java map's {@code {approvedSite=…}}. Keys in camel case become words; lists are joined with commas; nested maps
 * read as "key: value" pairs in parentheses. Used wherever details reach a person (report.html, the command line).
 */
public final class ReadableValue {

    private ReadableValue() {
    }

    /** "approvedSite" → "approved site". */
    public static String words(String key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(key.charAt(i - 1))) {
                out.append(' ');
            }
            out.append(out.length() == 0 ? c : Character.toLowerCase(c));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    public static String of(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "none";
            }
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(words(String.valueOf(k)) + ": " + nested(v)));
            return String.join("; ", parts);
        }
        if (value instanceof Collection<?> items) {
            if (items.isEmpty()) {
                return "none";
            }
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(nested(item)));
            return String.join(", ", parts);
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(value);
    }

    private static String nested(Object value) {
        return value instanceof Map<?, ?> map && !map.isEmpty() ? "(" + of(map) + ")" : of(value);
    }
}
