package org.ward.rules.policy;

import java.util.List;

/**
 * A kind of patient recording (consultation video, clinical photograph, ...) and the evidence that marks it.
 *
 * @param id stable kebab-case id ("consultation-video"), used by labels, retention, consent and locations
 * @param title what people call it
 * @param threshold the score (0-100) at which an item counts as this kind
 * @param signals the evidence, in the order reasons are given
 */
public record RecordingKind(String id, String title, int threshold, List<Signal> signals) {

    public RecordingKind {
        signals = List.copyOf(signals);
    }
}
