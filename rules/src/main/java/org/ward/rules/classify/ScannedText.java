package org.ward.rules.classify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Text as the identifier patterns read it, with the way back to the original. Identifiers are written in many
 * spellings — "943.476.5919", non-breaking or thin spaces, full-width digits ("９４３"), underscores, en dashes,
 * invisible zero-width characters, percent-encoded in a URL ("943%C2%A0476") — and every spelling the scanner accepts
 * must be masked in the original. So the text is read as Unicode NFKC, every decimal digit becomes an ASCII digit,
 * format characters (zero-width spaces, soft hyphens) are dropped, percent-escapes are decoded, and — in the numeric
 * view — a space of any width becomes a plain space, a dash of any kind a hyphen and a middle dot a dot (the patterns
 * accept a space, dot, hyphen or underscore between the groups, the same one each time). Each character
 * of the view remembers the span of the original it came from, so a match masks exactly what was written. Pure.
 */
final class ScannedText {

    private final String text;
    /** Original start and end of each character of {@link #text}; null when the text is the original. */
    private final int[] from;
    private final int[] to;

    private ScannedText(String text, int[] from, int[] to) {
        this.text = text;
        this.from = from;
        this.to = to;
    }

    /** The view for patient numbers (NHS, CHI, Medicare): separators read as plain spaces. */
    static ScannedText numeric(String original) {
        return of(original, true);
    }

    /** The view for organisation patterns (MRNs): digits and widths normalised, punctuation kept. */
    static ScannedText plain(String original) {
        return of(original, false);
    }

    String text() {
        return text;
    }

    /** Where the character at {@code index} of the view starts in the original. */
    int originalStart(int index) {
        return from == null ? index : from[index];
    }

    /** Where the span ending before {@code index} of the view ends in the original. */
    int originalEnd(int index) {
        return to == null ? index : to[index - 1];
    }

    private static ScannedText of(String original, boolean separators) {
        if (plainAscii(original)) {
            return new ScannedText(original, null, null);
        }
        StringBuilder out = new StringBuilder(original.length());
        int[] from = new int[original.length() * 2 + 8];
        int[] to = new int[from.length];
        int i = 0;
        while (i < original.length()) {
            int end;
            String decoded;
            if (original.charAt(i) == '%' && escapeAt(original, i)) {
                end = i;
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (end < original.length() && original.charAt(end) == '%' && escapeAt(original, end)) {
                    bytes.write(Integer.parseInt(original.substring(end + 1, end + 3), 16));
                    end += 3;
                }
                decoded = bytes.toString(StandardCharsets.UTF_8);
            } else {
                int cp = original.codePointAt(i);
                end = i + Character.charCount(cp);
                decoded = new String(Character.toChars(cp));
            }
            for (int k = 0; k < decoded.length(); ) {
                int cp = decoded.codePointAt(k);
                k += Character.charCount(cp);
                String read = read(cp, separators);
                for (int c = 0; c < read.length(); c++) {
                    if (out.length() == from.length) {
                        from = java.util.Arrays.copyOf(from, from.length * 2);
                        to = java.util.Arrays.copyOf(to, to.length * 2);
                    }
                    from[out.length()] = i;
                    to[out.length()] = end;
                    out.append(read.charAt(c));
                }
            }
            i = end;
        }
        return new ScannedText(out.toString(), from, to);
    }

    /** How one code point reads: dropped, an ASCII digit, a plain space, or its NFKC form. */
    private static String read(int cp, boolean separators) {
        if (Character.getType(cp) == Character.FORMAT) {
            return "";
        }
        if (Character.isDigit(cp)) {
            return String.valueOf((char) ('0' + Character.digit(cp, 10)));
        }
        String compatible = cp < 0x80 ? String.valueOf((char) cp)
                : Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
        if (separators && compatible.length() == 1) {
            char c = compatible.charAt(0);
            if (Character.isSpaceChar(c) || c == '\t') {
                return " ";
            }
            if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63') {
                return "-";
            }
            if (c == '\u00B7' || c == '\u2027' || c == '\u30FB') {
                return ".";
            }
        }
        return compatible;
    }

    private static boolean escapeAt(String text, int i) {
        return i + 2 < text.length() && hex(text.charAt(i + 1)) && hex(text.charAt(i + 2));
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Nothing to normalise: ASCII without tabs or percent-escapes. */
    private static boolean plainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || c == '%' || c == '\t') {
                return false;
            }
        }
        return true;
    }
}
