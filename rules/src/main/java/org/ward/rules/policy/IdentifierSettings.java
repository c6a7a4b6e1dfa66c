package org.ward.rules.policy;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One identifier type's settings.
 *
 * @param type the identifier type
 * @param enabled whether the classifier looks for it
 * @param mask how it is shown in reasons, reports and logs
 * @param contextKeywords keywords that, near or around a match, make it strong evidence (added to the shared list)
 * @param patterns for an MRN only: the organisation's regular expressions (the whole match, or the group named
 *     "id", is the identifier)
 * @param keywords for an MRN only: one must come just before the match ("MRN 12345678")
 * @param keywordDistance for an MRN only: how many characters may separate the keyword and the match
 * @param ranges the ranges the scheme issues numbers from; a checksum-valid number outside them is not an identifier
 *     (empty: no range limit beyond the scheme's own rules)
 * @param formats how people write the identifier, as digit groups ("3-3-4": three digits, a space or hyphen, three,
 *     then four); a value written so is stronger evidence than the same digits run together
 */
public record IdentifierSettings(
        IdentifierType type,
        boolean enabled,
        MaskStyle mask,
        List<String> contextKeywords,
        List<Pattern> patterns,
        List<String> keywords,
        int keywordDistance,
        List<NumberRange> ranges,
        List<String> formats) {

    public IdentifierSettings {
        contextKeywords = List.copyOf(contextKeywords);
        patterns = List.copyOf(patterns);
        keywords = List.copyOf(keywords);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        formats = formats == null ? List.of() : List.copyOf(formats);
    }

    /** Whether the digits fall in one of the issued ranges (always, when the pack names none). */
    public boolean inIssuedRange(String digits) {
        return ranges.isEmpty() || ranges.stream().anyMatch(r -> r.contains(digits));
    }

    /** Whether digit groups of these sizes ([3, 3, 4]) are one of the formats people write the identifier in. */
    public boolean wellFormed(List<Integer> groups) {
        String key = String.join("-", groups.stream().map(String::valueOf).toList());
        return groups.size() > 1 && formats.contains(key);
    }
}
