package org.ward.rules.classify;

import java.util.Optional;

/**
 * An Australian Medicare card number: ten digits, the first 2-6, the ninth a check digit over the first eight
 * (weights 1, 3, 7, 9, 1, 3, 7, 9, modulo 10), the tenth the card's issue number (never 0), and an optional
 * eleventh, the individual reference number (IRN, the person's position on the card, 1-9). Sources: Microsoft
 * Presidio au_medicare_recognizer; HL7 AU Medicare card number profile.
 *
 * @param digits ten or eleven digits without separators
 */
public record MedicareNumber(String digits) {

    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9};

    /** Parses "2123 45670 1", "2123456701" or with the IRN "21234567011"; empty unless valid. */
    public static Optional<MedicareNumber> parse(String text) {
        String digits = Digits.strip(text);
        return digits != null && isValidDigits(digits) ? Optional.of(new MedicareNumber(digits)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    static boolean isValidDigits(String digits) {
        if (digits.length() != 10 && digits.length() != 11) {
            return false;
        }
        int first = Digits.at(digits, 0);
        if (first < 2 || first > 6 || Digits.at(digits, 9) == 0 || digits.length() == 11 && Digits.at(digits, 10) == 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Digits.at(digits, i) * WEIGHTS[i];
        }
        return sum % 10 == Digits.at(digits, 8);
    }

    /** The issue number (tenth digit). */
    public int issueNumber() {
        return Digits.at(digits, 9);
    }

    /** The individual reference number when the eleventh digit was given. */
    public Optional<Integer> irn() {
        return digits.length() == 11 ? Optional.of(Digits.at(digits, 10)) : Optional.empty();
    }

    /** "2123 45670 1", or "2123 45670 1 1" with the IRN. */
    public String formatted() {
        return Digits.group(digits, 4, 5, 1);
    }
}
