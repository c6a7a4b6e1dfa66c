package org.ward.rules.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keyword matching on words, not substrings: names are split at separators, camel case and digit boundaries, so
 * "ClinicalRecordings", "Clinical_Recordings" and "clinical recordings" all contain the keyword "Recordings",
 * while "GPS" does not contain "GP".
 */
final class Words {

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern CASE_BOUNDARY = Pattern.compile(
            "(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})");

    private Words() {
    }

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        for (String part : SEPARATORS.split(text)) {
            for (String word : CASE_BOUNDARY.split(part)) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    /** Keywords split into words once, so matching an item is a list comparison, not a regex per keyword. */
    record Keywords(List<String> keywords, List<List<String>> runs) {

        static Keywords of(Collection<String> keywords) {
            List<String> list = List.copyOf(keywords);
            return new Keywords(list, list.stream().map(Words::of).toList());
        }

        /** The first keyword (in the given order) whose words appear consecutively in {@code words}. */
        Optional<String> firstIn(List<String> words) {
            for (int k = 0; k < runs.size(); k++) {
                if (containsRun(words, runs.get(k))) {
                    return Optional.of(keywords.get(k));
                }
            }
            return Optional.empty();
        }
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        if (run.isEmpty()) {
            return false;
        }
        // Compared in place: every item meets every keyword, so a sub-list per position was most of the classifier's time.
        String first = run.get(0);
        int length = run.size();
        for (int i = 0; i + length <= words.size(); i++) {
            if (words.get(i).equals(first) && matchesAt(words, i, run)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesAt(List<String> words, int start, List<String> run) {
        for (int j = 1; j < run.size(); j++) {
            if (!words.get(start + j).equals(run.get(j))) {
                return false;
            }
        }
        return true;
    }
}
