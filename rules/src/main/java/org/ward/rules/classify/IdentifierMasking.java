package org.ward.rules.classify;

import java.util.List;

import org.ward.rules.policy.IdentifierPolicy;
import org.ward.rules.policy.IdentifierType;
import org.ward.rules.policy.MaskStyle;

/**
 * The one way identifiers are shown. Every output — reasons, findings, reports, logs — goes through
 * {@link #mask(IdentifierType, String)} for a known identifier or {@link #maskText(String)} for any text that may
 * hold one (file names, paths), so no identifier ever appears in clear. At least half of a value stays hidden
 * whatever the pack asks for.
 */
public final class IdentifierMasking {

    private final IdentifierPolicy policy;
    private final IdentifierScanner scanner;

    public IdentifierMasking(IdentifierPolicy policy) {
        this.policy = policy;
        this.scanner = new IdentifierScanner(policy);
    }

    /** "999 *** **18" for NHS number 9990000018 with the default style. */
    public String mask(IdentifierType type, String value) {
        String plain = value.replaceAll("[^A-Za-z0-9]", "");
        MaskStyle style = policy.settings(type).mask();
        int visible = Math.min(style.keepFirst() + style.keepLast(), plain.length() / 2);
        int last = Math.min(style.keepLast(), visible);
        int first = visible - last;
        StringBuilder masked = new StringBuilder(plain.length());
        for (int i = 0; i < plain.length(); i++) {
            masked.append(i < first || i >= plain.length() - last ? plain.charAt(i) : '*');
        }
        return switch (type) {
            case NHS_NUMBER -> Digits.group(masked.toString(), 3, 3, 4);
            case CHI_NUMBER -> Digits.group(masked.toString(), 6, 4);
            case MEDICARE_NUMBER -> Digits.group(masked.toString(), 4, 5, 1);
            case MRN -> masked.toString();
        };
    }

    /** {@code text} with every identifier Ward recognises (of any type, enabled or not) masked in place. */
    public String maskText(String text) {
        if (text == null) {
            return null;
        }
        List<FoundIdentifier> found = scanner.findAny(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (FoundIdentifier f : found) {
            out.append(text, at, f.start()).append(mask(f.type(), f.value()));
            at = f.end();
        }
        return out.append(text.substring(at)).toString();
    }
}
