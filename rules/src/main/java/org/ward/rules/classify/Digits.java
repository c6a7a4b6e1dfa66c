package org.ward.rules.classify;

/** Small digit operations shared by the identifier validators. */
final class Digits {

    private Digits() {
    }

    /** The digits of {@code text} when it is digits with at most consistent single spaces or hyphens; else null. */
    static String strip(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        boolean spaces = trimmed.indexOf(' ') >= 0;
        boolean hyphens = trimmed.indexOf('-') >= 0;
        if (spaces && hyphens) {
            return null;
        }
        String digits = trimmed.replace(" ", "").replace("-", "");
        if (digits.isEmpty() || trimmed.contains("  ") || trimmed.contains("--") || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return digits;
    }

    static int at(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    /** Every digit the same ("0000000000"): such numbers pass Modulus 11 but are never issued. */
    static boolean repeated(String digits) {
        return digits.chars().allMatch(c -> c == digits.charAt(0));
    }

    /** NHS and CHI Modulus 11 over the first nine digits (weights 10..2); 10 means no valid check digit exists. */
    static int modulus11(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += at(digits, i) * (10 - i);
        }
        int check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    /** Groups digits for display: group(digits, 3, 3, 4) gives "943 476 5919"; extra digits form a last group. */
    static String group(String text, int... sizes) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int size : sizes) {
            if (at >= text.length()) {
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(text, at, Math.min(text.length(), at + size));
            at += size;
        }
        if (at < text.length()) {
            out.append(' ').append(text.substring(at));
        }
        return out.toString();
    }
}
