package org.ward.rules.policy;

/**
 * A range of identifier values a scheme issues numbers from, both ends included, compared on the digits alone
 * ("300 000 0000-499 999 9999").
 *
 * @param from the lowest value
 * @param to the highest value
 */
public record NumberRange(long from, long to) {

    public boolean contains(String digits) {
        if (digits.length() > 18) {
            return false;
        }
        long value = Long.parseLong(digits);
        return value >= from && value <= to;
    }

    /** "300 000 0000-499 999 9999" (spaces ignored), or null when it is not two numbers joined by a hyphen. */
    static NumberRange parse(String text) {
        String compact = text.replace(" ", "");
        int dash = compact.indexOf('-');
        if (dash <= 0 || dash == compact.length() - 1) {
            return null;
        }
        String low = compact.substring(0, dash);
        String high = compact.substring(dash + 1);
        if (!low.matches("\\d{1,18}") || !high.matches("\\d{1,18}")) {
            return null;
        }
        long from = Long.parseLong(low);
        long to = Long.parseLong(high);
        return from <= to ? new NumberRange(from, to) : null;
    }
}
