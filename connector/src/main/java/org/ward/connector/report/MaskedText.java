package org.ward.connector.report;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ward.rules.classify.IdentifierMasking;

/**
 * The last line of defence before a report file: every string (and number) written is masked with the policy's
 * masking, even though the store already keeps identifiers masked. Masking masked text changes nothing.
 */
public final class MaskedText {

    // Ward's own finding ids are hex hashes; masking a digit run inside one would only break the id.
    private static final Pattern FINDING_ID = Pattern.compile("F-[0-9a-f]{16}");

    private final IdentifierMasking masking;

    public MaskedText(IdentifierMasking masking) {
        this.masking = masking;
    }

    public String text(String value) {
        if (value == null || FINDING_ID.matcher(value).matches()) {
            return value;
        }
        return masking.maskText(value);
    }

    /**
     * A URL with any identifier masked, also one hidden by percent-encoding ("943%20476%205919"). A masked URL no
     * longer leads anywhere, which is the price of not leaking.
     */
    public String url(String value) {
        if (value == null) {
            return null;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = value;
        }
        String masked = masking.maskText(decoded);
        if (masked.equals(decoded)) {
            return masking.maskText(value);
        }
        return masked.replace(" ", "%20");
    }

    /** Strings, numbers, lists and maps (keys too) masked all the way down; other values unchanged. */
    public Object tree(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Number n) {
            String digits = n.toString();
            String masked = masking.maskText(digits);
            return masked.equals(digits) ? n : masked;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(text(String.valueOf(k)), tree(v)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(tree(item)));
            return out;
        }
        return value;
    }
}
