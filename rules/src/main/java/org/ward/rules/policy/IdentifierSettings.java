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
 */
public record IdentifierSettings(
        IdentifierType type,
        boolean enabled,
        MaskStyle mask,
        List<String> contextKeywords,
        List<Pattern> patterns,
        List<String> keywords,
        int keywordDistance) {

    public IdentifierSettings {
        contextKeywords = List.copyOf(contextKeywords);
        patterns = List.copyOf(patterns);
        keywords = List.copyOf(keywords);
    }
}
