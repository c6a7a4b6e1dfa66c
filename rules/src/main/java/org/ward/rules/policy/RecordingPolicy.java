package org.ward.rules.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What counts as a patient recording.
 *
 * @param threshold the default score at which an item is a recording
 * @param kinds the recording kinds, in the order ties are broken
 * @param negativeKeywords words that argue against a patient recording (staff training, webinars, marketing), each
 *     group with the points it takes off every kind's score
 */
public record RecordingPolicy(int threshold, List<RecordingKind> kinds, List<NegativeKeywords> negativeKeywords) {

    public RecordingPolicy {
        kinds = List.copyOf(kinds);
        negativeKeywords = negativeKeywords == null ? List.of() : List.copyOf(negativeKeywords);
    }

    public RecordingPolicy(int threshold, List<RecordingKind> kinds) {
        this(threshold, kinds, List.of());
    }

    /**
     * Keywords that say media is not a patient recording ("webinar", "staff training"), matched like context keywords.
     *
     * @param values the keywords (one or more words each)
     * @param weight points taken off when one of them appears on the item or its location
     */
    public record NegativeKeywords(List<String> values, int weight) {

        public NegativeKeywords {
            values = List.copyOf(values);
        }
    }

    public Optional<RecordingKind> kind(String id) {
        return kinds.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public Set<String> kindIds() {
        return kinds.stream().map(RecordingKind::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
