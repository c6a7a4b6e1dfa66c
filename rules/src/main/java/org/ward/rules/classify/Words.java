package org.ward.rules.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keyword matching on words, not substrings: names are split at separators, camel case and digit boundaries, so
 * "ClinicalRecordings", "Clinical_Recordings" and "clinical recordings" all contain the keyword "Recordings",
 * while "GPS" does not contain "GP".
 */
final class Words {

    private Words() {
    }

    /**
     * The text's words in lower case. Separators are runs of anything but letters and digits ({@code [^\p{L}\p{N}]+});
     * within a run, a word ends where a lower-case letter meets an upper-case one ("clinicalRecordings"), before the
     * last of several capitals followed by a lower-case letter ("HTMLReport"), and where letters meet digits either way
     * ("Scan2024"). Written as one pass over the code points: the two regular expressions that said the same (the second
     * with look-behinds) were most of the time spent splitting every item's name and path.
     */
    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        int length = text.length();
        int start = -1;
        int previous = SEPARATOR;
        for (int i = 0; i < length;) {
            int codePoint = text.codePointAt(i);
            int size = Character.charCount(codePoint);
            int kind = kind(codePoint);
            if (kind == SEPARATOR) {
                if (start >= 0) {
                    words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            } else if (boundary(previous, kind, i + size < length ? kind(text.codePointAt(i + size)) : SEPARATOR)) {
                words.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = i;
            }
            // The expressions' look-behinds saw one UTF-16 unit: after a letter outside the Basic Multilingual Plane
            // they saw half of it, which is no letter, and split nothing there. Kept, so words stay as stored.
            previous = size == 1 ? kind : SEPARATOR;
            i += size;
        }
        if (start >= 0) {
            words.add(text.substring(start).toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static final int SEPARATOR = 0;
    private static final int UPPER = 1;
    private static final int LOWER = 2;
    private static final int OTHER_LETTER = 3;
    private static final int NUMBER = 4;

    /** The Unicode general category as the regular expressions' {@code \p{Lu}}, {@code \p{Ll}}, {@code \p{L}}, {@code \p{N}} see it. */
    private static int kind(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER -> UPPER;
            case Character.LOWERCASE_LETTER -> LOWER;
            case Character.TITLECASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER -> OTHER_LETTER;
            case Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> NUMBER;
            default -> SEPARATOR;
        };
    }

    private static boolean boundary(int previous, int current, int next) {
        boolean letterBefore = previous == UPPER || previous == LOWER || previous == OTHER_LETTER;
        return previous == LOWER && current == UPPER
                || previous == UPPER && current == UPPER && next == LOWER
                || letterBefore && current == NUMBER
                || previous == NUMBER && current != NUMBER;
    }

    /**
     * Keywords split into words once, so matching an item is a list comparison, not a regex per keyword; indexed by
     * their first word, so each of the item's words meets only the keywords that start with it.
     */
    record Keywords(List<String> keywords, List<List<String>> runs, Map<String, int[]> byFirstWord) {

        static Keywords of(Collection<String> keywords) {
            List<String> list = List.copyOf(keywords);
            List<List<String>> runs = list.stream().map(Words::of).toList();
            Map<String, List<Integer>> starts = new HashMap<>();
            for (int k = 0; k < runs.size(); k++) {
                if (!runs.get(k).isEmpty()) {
                    starts.computeIfAbsent(runs.get(k).get(0), w -> new ArrayList<>()).add(k);
                }
            }
            Map<String, int[]> index = new HashMap<>();
            starts.forEach((word, ks) -> index.put(word, ks.stream().mapToInt(Integer::intValue).toArray()));
            return new Keywords(list, runs, Map.copyOf(index));
        }

        /** The first keyword (in the given order) whose words appear consecutively in {@code words}. */
        Optional<String> firstIn(List<String> words) {
            int first = Integer.MAX_VALUE;
            for (int i = 0; i < words.size(); i++) {
                int[] candidates = byFirstWord.get(words.get(i));
                if (candidates == null) {
                    continue;
                }
                for (int k : candidates) {
                    if (k >= first) {
                        break;
                    }
                    List<String> run = runs.get(k);
                    if (i + run.size() <= words.size() && matchesAt(words, i, run)) {
                        first = k;
                        break;
                    }
                }
            }
            return first == Integer.MAX_VALUE ? Optional.empty() : Optional.of(keywords.get(first));
        }
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
