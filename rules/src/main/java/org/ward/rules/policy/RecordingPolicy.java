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
 */
public record RecordingPolicy(int threshold, List<RecordingKind> kinds) {

    public RecordingPolicy {
        kinds = List.copyOf(kinds);
    }

    public Optional<RecordingKind> kind(String id) {
        return kinds.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    public Set<String> kindIds() {
        return kinds.stream().map(RecordingKind::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
