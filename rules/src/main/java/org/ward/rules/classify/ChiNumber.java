package org.ward.rules.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Scottish CHI number: date of birth as DDMMYY, three digits (the ninth is even for female, odd for male), and a
 * check digit. The check is Modulus 11 as for NHS numbers, or — for numbers issued from February 2026 — a Modulus 10
 * check (Public Health Scotland phsmethods chi_check). Either passes here, because existing numbers stay valid.
 *
 * @param digits the ten digits without separators
 */
public record ChiNumber(String digits) {

    /** Which check digit scheme the number satisfies. */
    public enum Scheme { MOD11, MOD10 }

    /** Parses "0101011237" or "010101 1237"; empty unless the date exists and a check digit scheme passes. */
    public static Optional<ChiNumber> parse(String text) {
        String digits = Digits.strip(text);
        return digits != null && isValidDigits(digits) ? Optional.of(new ChiNumber(digits)) : Optional.empty();
    }

    public static boolean isValid(String text) {
        return parse(text).isPresent();
    }

    static boolean isValidDigits(String digits) {
        return digits.length() == 10 && !Digits.repeated(digits) && dateExists(digits) && scheme(digits).isPresent();
    }

    /** MOD11 when the number passes it (every number issued before 2026 does), otherwise MOD10. */
    public Scheme scheme() {
        return scheme(digits).orElseThrow();
    }

    private static Optional<Scheme> scheme(String digits) {
        int check = Digits.at(digits, 9);
        if (Digits.modulus11(digits) == check) {
            return Optional.of(Scheme.MOD11);
        }
        return modulus10(digits) == check ? Optional.of(Scheme.MOD10) : Optional.empty();
    }

    /** Doubles digits 9, 7, 5, 3 and 1 (subtracting 9 above 9), sums all nine; check = (10 - sum mod 10) mod 10. */
    static int modulus10(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = Digits.at(digits, i);
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /** The two-digit year may be 19YY or 20YY, so 29 February is accepted when either century makes it a leap year. */
    private static boolean dateExists(String digits) {
        int day = Integer.parseInt(digits.substring(0, 2));
        int month = Integer.parseInt(digits.substring(2, 4));
        int year = Integer.parseInt(digits.substring(4, 6));
        return exists(1900 + year, month, day) || exists(2000 + year, month, day);
    }

    private static boolean exists(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** CHI numbers come from 010100 0000 to 311299 9999, where NHS England issues no numbers. */
    boolean inChiRange() {
        return Integer.parseInt(digits.substring(0, 3)) <= 311;
    }

    /** "010101 1237". */
    public String formatted() {
        return Digits.group(digits, 6, 4);
    }
}
