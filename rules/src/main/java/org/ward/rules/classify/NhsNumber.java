package org.ward.rules.classify;

import java.util.Optional;

/**
 * An NHS number (England, Wales, Isle of Man): ten digits, the last a Modulus 11 check digit (NHS Data
 * Dictionary). Numbers whose check would be 10 are never issued, and repeated-digit numbers, which pass the check,
 * are rejected. The 999 range is reserved for testing; it is valid here (demo tenants use it), see
 * {@link #isTestRange()}.
 *
 * @param digits the ten digits without separators
 */
public record NhsNumber(String digits) {

    /** Parses "943 476 5919", "943-476-5919" or "9434765919"; empty unless the number is valid. */
    public static Optional<NhsNumber> parse(String text) {
        String digits = Digits.strip(text);
        return digits != null && isValidDigits(digits) ? Optional.of(new NhsNumber(digits)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    static boolean isValidDigits(String digits) {
        return digits.length() == 10 && !Digits.repeated(digits) && Digits.modulus11(digits) == Digits.at(digits, 9);
    }

    /** 999 000 0000 to 999 999 9999 are reserved for testing and never issued to a patient. */
    public boolean isTestRange() {
        return digits.startsWith("999");
    }

    /** "943 476 5919". */
    public String formatted() {
        return Digits.group(digits, 3, 3, 4);
    }
}
