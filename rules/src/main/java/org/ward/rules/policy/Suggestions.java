package org.ward.rules.policy;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" hints for misspelt keys and values, so a typo is fixed from the message alone: in policy packs here,
 * and in Ward's settings file (the connector's SettingsFile measures with {@link #distance}).
 */
public final class Suggestions {

    private Suggestions() {
    }

    static String forUnknown(String given, Collection<String> known) {
        String closest = closest(given, known);
        return closest != null ? "did you mean \"" + closest + "\"?" : "known fields: " + String.join(", ", known);
    }

    /** The known word within edit distance 2 (ignoring case) of {@code given}, or null. */
    static String closest(String given, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(given.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance: how many letters to add, drop or change to turn {@code a} into {@code b}. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
