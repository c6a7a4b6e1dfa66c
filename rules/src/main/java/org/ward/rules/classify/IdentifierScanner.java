package org.ward.rules.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ward.rules.policy.IdentifierPolicy;
import org.ward.rules.policy.IdentifierSettings;
import org.ward.rules.policy.IdentifierType;

/**
 * Finds patient identifiers in free text (file names, paths, column values, URLs), in whatever spelling they were
 * written — dots, non-breaking or thin spaces, full-width digits, zero-width characters, percent-escapes — by matching
 * a normalised view ({@link ScannedText}) and reporting the span of the original. Candidates need digit boundaries —
 * a 10-digit run inside a longer run of digits is not a candidate — and must pass their type's validation. When
 * one span is valid as several types, CHI wins inside CHI's range (its first six digits are a date), then NHS,
 * then Medicare. MRNs are only found by the organisation's patterns right after one of its keywords.
 */
final class IdentifierScanner {

    // Consistent separators (\2), after normalisation: "943 476 5919", "943-476-5919", "943.476.5919", "943_476_5919"
    // or "9434765919".
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)(\\d{3})([ ._-]?)(\\d{3})\\2(\\d{4})(?!\\d)");
    private static final Pattern CHI_SPACED = Pattern.compile("(?<!\\d)(\\d{6})[ ._-](\\d{4})(?!\\d)");
    // The individual reference number (1-9) may follow the card number, run on or after the same separator or a slash
    // ("2123 45670 1 1", "2123 45670 1/1"); nothing else may (a twelfth digit makes it no Medicare number).
    private static final Pattern MEDICARE = Pattern.compile("(?<!\\d)([2-6]\\d{3})([ ._-]?)(\\d{5})\\2(\\d)(?:(?:\\2|/)?(\\d))?(?!\\d)");

    private final IdentifierPolicy policy;
    private final List<Pattern> mrnKeywords;

    IdentifierScanner(IdentifierPolicy policy) {
        this.policy = policy;
        this.mrnKeywords = policy.settings(IdentifierType.MRN).keywords().stream()
                .map(k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k) + "(?![\\p{L}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
    }

    /** Identifiers of the types the pack enables. */
    List<FoundIdentifier> find(String text) {
        Set<IdentifierType> enabled = EnumSet.noneOf(IdentifierType.class);
        for (IdentifierType type : IdentifierType.values()) {
            if (policy.enabled(type)) {
                enabled.add(type);
            }
        }
        return find(text, enabled);
    }

    /**
     * What the classifier reads: the identifiers of the types the pack enables that can be identifiers where they are
     * written (see {@link IdentifierPlausibility}), and the checksum-valid numbers that cannot, with why.
     */
    Scan scan(String text) {
        List<FoundIdentifier> found = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (FoundIdentifier candidate : find(text)) {
            java.util.Optional<String> why = IdentifierPlausibility.implausible(candidate, text,
                    policy.settings(candidate.type()));
            if (why.isPresent()) {
                rejected.add(new Rejected(candidate.type(), why.get()));
            } else {
                found.add(candidate);
            }
        }
        return new Scan(found, rejected);
    }

    /** Whether the identifier is written in one of its type's formats ("943 476 5919") rather than as bare digits. */
    boolean wellFormed(FoundIdentifier found, String text) {
        return policy.settings(found.type()).wellFormed(IdentifierPlausibility.groups(text.substring(found.start(),
                found.end())));
    }

    /**
     * @param found identifiers that can be what they look like
     * @param rejected checksum-valid numbers that cannot, each with its type and why (never the value)
     */
    record Scan(List<FoundIdentifier> found, List<Rejected> rejected) {
    }

    record Rejected(IdentifierType type, String reason) {
    }

    /** Identifiers of every type Ward knows, whatever the pack enables: used for masking, where missing one leaks. */
    List<FoundIdentifier> findAny(String text) {
        return find(text, EnumSet.allOf(IdentifierType.class));
    }

    private List<FoundIdentifier> find(String text, Set<IdentifierType> types) {
        List<FoundIdentifier> candidates = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return candidates;
        }
        ScannedText numbers = ScannedText.numeric(text);
        List<FoundIdentifier> numeric = new ArrayList<>();
        numeric(numbers.text(), types, numeric);
        numeric.forEach(f -> candidates.add(inOriginal(f, numbers)));
        if (types.contains(IdentifierType.MRN)) {
            ScannedText plain = ScannedText.plain(text);
            List<FoundIdentifier> mrns = new ArrayList<>();
            mrns(plain.text(), policy.settings(IdentifierType.MRN), mrns);
            mrns.forEach(f -> candidates.add(inOriginal(f, plain)));
        }
        // Earlier, then longer spans first; a span overlapping one already taken is dropped.
        candidates.sort(Comparator.comparingInt(FoundIdentifier::start).thenComparing(f -> -(f.end() - f.start())));
        List<FoundIdentifier> found = new ArrayList<>();
        for (FoundIdentifier candidate : candidates) {
            if (found.stream().noneMatch(candidate::overlaps)) {
                found.add(candidate);
            }
        }
        return found;
    }

    /** A match in the normalised view, placed over the original spelling it came from. */
    private static FoundIdentifier inOriginal(FoundIdentifier found, ScannedText view) {
        return new FoundIdentifier(found.type(), view.originalStart(found.start()), view.originalEnd(found.end()),
                found.value());
    }

    private static void numeric(String text, Set<IdentifierType> types, List<FoundIdentifier> out) {
        Matcher ten = TEN_DIGITS.matcher(text);
        while (ten.find()) {
            String digits = ten.group(1) + ten.group(3) + ten.group(4);
            tenDigitType(digits, types).ifPresent(type -> out.add(new FoundIdentifier(type, ten.start(), ten.end(), digits)));
        }
        Matcher chi = CHI_SPACED.matcher(text);
        while (types.contains(IdentifierType.CHI_NUMBER) && chi.find()) {
            String digits = chi.group(1) + chi.group(2);
            if (ChiNumber.isValidDigits(digits)) {
                out.add(new FoundIdentifier(IdentifierType.CHI_NUMBER, chi.start(), chi.end(), digits));
            }
        }
        Matcher medicare = MEDICARE.matcher(text);
        while (types.contains(IdentifierType.MEDICARE_NUMBER) && medicare.find()) {
            String digits = medicare.group(1) + medicare.group(3) + medicare.group(4)
                    + (medicare.group(5) == null ? "" : medicare.group(5));
            if (MedicareNumber.isValidDigits(digits)) {
                out.add(new FoundIdentifier(IdentifierType.MEDICARE_NUMBER, medicare.start(), medicare.end(), digits));
            }
        }
    }

    private static java.util.Optional<IdentifierType> tenDigitType(String digits, Set<IdentifierType> types) {
        boolean chi = types.contains(IdentifierType.CHI_NUMBER) && ChiNumber.isValidDigits(digits);
        if (chi && new ChiNumber(digits).inChiRange()) {
            return java.util.Optional.of(IdentifierType.CHI_NUMBER);
        }
        if (types.contains(IdentifierType.NHS_NUMBER) && NhsNumber.isValidDigits(digits)) {
            return java.util.Optional.of(IdentifierType.NHS_NUMBER);
        }
        return chi ? java.util.Optional.of(IdentifierType.CHI_NUMBER) : java.util.Optional.empty();
    }

    private void mrns(String text, IdentifierSettings settings, List<FoundIdentifier> out) {
        for (Pattern pattern : settings.patterns()) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int start = hasIdGroup(pattern) && m.start("id") >= 0 ? m.start("id") : m.start();
                int end = hasIdGroup(pattern) && m.start("id") >= 0 ? m.end("id") : m.end();
                if (end > start && afterKeyword(text, start, settings)) {
                    String value = text.substring(start, end).replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
                    out.add(new FoundIdentifier(IdentifierType.MRN, start, end, value));
                }
            }
        }
    }

    /** A keyword ends at most keywordDistance characters before {@code start}, with only separators in between. */
    private boolean afterKeyword(String text, int start, IdentifierSettings settings) {
        for (Pattern keyword : mrnKeywords) {
            Matcher k = keyword.matcher(text);
            while (k.find()) {
                int gap = start - k.end();
                if (gap >= 0 && gap <= settings.keywordDistance()
                        && text.substring(k.end(), start).chars().noneMatch(Character::isLetterOrDigit)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasIdGroup(Pattern pattern) {
        return pattern.pattern().contains("(?<id>");
    }
}
