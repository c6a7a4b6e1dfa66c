package org.ward.rules.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ward.rules.policy.IdentifierSettings;
import org.ward.rules.policy.IdentifierType;

/**
 * Whether a number that passes its scheme's check digit can be a patient identifier where it was written. About one
 * random 10-digit number in eleven passes the NHS check, so file names full of timestamps, phone numbers and order
 * numbers produce checksum-valid numbers that were never issued to anyone. A number is not counted when it is outside
 * the ranges its scheme issues from (the pack's {@code ranges}), is a placeholder (six or more repeated digits, a
 * counting sequence), reads as a date and hour, is a timestamp where a device or app wrote one, or is labelled as
 * another kind of number (a phone, invoice or order number). The words come from Ward, not from a publication (our
 * suggestion); docs/policies.md lists them. Pure.
 */
final class IdentifierPlausibility {

    /** Labels that say the number that follows is something else. */
    private static final Pattern OTHER_NUMBER = Pattern.compile("(?i)(?<![\\p{L}])(tel|telephone|phone|ph|mob|mobile|cell|fax"
            + "|call(?:er)?(?: from| to)?|ext|invoice|inv|order|ord|po|purchase order|receipt|ticket|tracking|account|acct"
            + "|a/c|serial|s/n|sn|batch|lot|booking|transaction|txn|sku|imei)[\\s._:#/-]*(?:no\\.?|number|num)?[\\s._:#-]*$");
    /** Words that name the number "phone" etc., for the sentence. */
    private static final Pattern PHONE_WORDS = Pattern.compile("(?i)tel|telephone|phone|ph|mob|mobile|cell|fax|call|caller|ext");
    /** An international dialling prefix right before the number: "+44 ", "+61-", "0044 ". */
    private static final Pattern DIALLING_PREFIX = Pattern.compile("(?:\\+|00)\\d{1,3}[\\s.-]?\\(?0?\\)?[\\s.-]?$");
    /** What devices and apps put before a timestamp: "VID_", "IMG-", "REC ", "PXL_", "Screen Recording ". */
    private static final Pattern DEVICE_PREFIX = Pattern.compile("(?i)(?<![\\p{L}])(img|vid|pxl|rec|aud|dsc|mvi|mov|clip"
            + "|cam\\d*|screenshot|screen recording|recording|voice|memo|audio|video|whatsapp (?:audio|video|image)"
            + "|signal|snap)[\\s_-]?$");
    /** A date or time group joined to the number by an underscore, T, dot or hyphen: "20261119_", "_0815". */
    private static final Pattern DATE_BEFORE = Pattern.compile("(?<!\\d)(\\d{4,8})[_T.-]$");
    private static final Pattern DATE_AFTER = Pattern.compile("^[_T.-](\\d{2,8})(?!\\d)");
    private static final Pattern SEQUENCES = Pattern.compile("0123456789|1234567890|123456789|987654321|9876543210");

    private IdentifierPlausibility() {
    }

    /**
     * Why the number cannot be an identifier here, or empty when it can.
     *
     * @param found the candidate (its span in {@code text})
     * @param text the original text it was found in
     * @param settings its type's settings (the issued ranges)
     */
    static Optional<String> implausible(FoundIdentifier found, String text, IdentifierSettings settings) {
        if (found.type() == IdentifierType.MRN) {
            return Optional.empty(); // the organisation's own pattern next to its keyword says what it is
        }
        String digits = found.value();
        String base = digits.substring(0, Math.min(10, digits.length()));
        String label = found.type().label();
        if (!settings.inIssuedRange(base)) {
            return Optional.of("it is outside the ranges " + label + "s are issued from");
        }
        if (Pattern.compile("(\\d)\\1{5}").matcher(digits).find() || SEQUENCES.matcher(digits).find()) {
            return Optional.of("it is a placeholder (repeated digits or a counting sequence), never issued");
        }
        String before = text.substring(0, found.start());
        String after = text.substring(found.end());
        String tail = ScannedText.numeric(before.substring(Math.max(0, before.length() - 30))).text();
        Matcher other = OTHER_NUMBER.matcher(tail);
        if (other.find()) {
            String word = other.group(1).toLowerCase(Locale.ROOT);
            return Optional.of("it is labelled as " + (PHONE_WORDS.matcher(word).lookingAt() ? "a phone number" : "a number of"
                    + " another kind") + " (\"" + other.group(1) + "\" before it)");
        }
        if (DIALLING_PREFIX.matcher(tail).find()) {
            return Optional.of("it follows an international dialling code, so it is a phone number");
        }
        boolean grouped = groups(text.substring(found.start(), found.end())).size() > 1;
        if (!grouped && dateAndHour(base)) {
            return Optional.of("it reads as a date and hour (YYYYMMDDhh or DDMMYYYYhh)");
        }
        boolean timestampContext = DEVICE_PREFIX.matcher(tail).find() || adjoiningDateOrTime(before, after);
        if (!grouped && timestampContext && (epochSeconds(base) || shortDateTime(base))) {
            return Optional.of("it is a timestamp where a device or app writes one");
        }
        return Optional.empty();
    }

    /** The digit groups of a spelling: "943 476 5919" is [3, 3, 4]. */
    static List<Integer> groups(String spelling) {
        String view = ScannedText.numeric(spelling).text();
        List<Integer> sizes = new ArrayList<>();
        for (String part : view.split("[^0-9]+")) {
            if (!part.isEmpty()) {
                sizes.add(part.length());
            }
        }
        return sizes;
    }

    /** Seconds since 1970 from 2000 to 2038, the span a device clock writes. */
    private static boolean epochSeconds(String digits) {
        long value = Long.parseLong(digits);
        return digits.length() == 10 && value >= 946_684_800L && value <= 2_147_483_647L;
    }

    /** YYMMDDhhmm: "2611191015" is 2026-11-19 10:15. */
    private static boolean shortDateTime(String d) {
        return d.length() == 10 && date(2000 + n(d, 0), n(d, 2), n(d, 4)) && n(d, 6) <= 23 && n(d, 8) <= 59;
    }

    /** YYYYMMDDhh or DDMMYYYYhh with a year from 1990 to 2099. */
    private static boolean dateAndHour(String d) {
        if (d.length() != 10 || n(d, 8) > 23) {
            return false;
        }
        int yearFirst = Integer.parseInt(d.substring(0, 4));
        int yearLast = Integer.parseInt(d.substring(4, 8));
        return yearFirst >= 1990 && yearFirst <= 2099 && date(yearFirst, n(d, 4), n(d, 6))
                || yearLast >= 1990 && yearLast <= 2099 && date(yearLast, n(d, 2), n(d, 0));
    }

    /** "20261119_", "2026-11-19T" right before, or "_0815", "-101500" right after. */
    private static boolean adjoiningDateOrTime(String before, String after) {
        Matcher b = DATE_BEFORE.matcher(before);
        if (b.find() && dateOrTime(b.group(1))) {
            return true;
        }
        Matcher a = DATE_AFTER.matcher(after);
        return a.find() && dateOrTime(a.group(1));
    }

    private static boolean dateOrTime(String group) {
        return switch (group.length()) {
            case 2 -> Integer.parseInt(group) <= 59;
            case 4 -> n(group, 0) <= 23 && n(group, 2) <= 59 || Integer.parseInt(group) >= 1990 && Integer.parseInt(group) <= 2099;
            case 6 -> n(group, 0) <= 23 && n(group, 2) <= 59 && n(group, 4) <= 59;
            case 8 -> date(Integer.parseInt(group.substring(0, 4)), n(group, 4), n(group, 6))
                    || date(Integer.parseInt(group.substring(4, 8)), n(group, 2), n(group, 0));
            default -> false;
        };
    }

    private static int n(String digits, int at) {
        return Integer.parseInt(digits.substring(at, at + 2));
    }

    private static boolean date(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
