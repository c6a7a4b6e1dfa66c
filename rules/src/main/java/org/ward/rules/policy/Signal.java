package org.ward.rules.policy;

import java.util.List;

/**
 * One piece of evidence for a recording kind and what it is worth.
 *
 * @param type what is looked at
 * @param values what counts (MIME patterns, extensions, facets, globs, keywords, columns, folder names)
 * @param weight points added when the signal matches
 * @param weakWeight for patient-identifier only: points for an identifier found without context, written as bare digits
 * @param formattedWeight for patient-identifier only: points for an identifier found without context but written the
 *     way people write it (one of the type's formats, "943 476 5919"), which is stronger evidence than bare digits
 */
public record Signal(SignalType type, List<String> values, int weight, int weakWeight, int formattedWeight) {

    public Signal {
        values = List.copyOf(values);
    }

    public Signal(SignalType type, List<String> values, int weight, int weakWeight) {
        this(type, values, weight, weakWeight, weakWeight);
    }
}
