package org.ward.rules.classify;

import java.util.List;

/**
 * The classifier's verdict on one item, with everything an auditor needs to see why.
 *
 * @param isRecording whether the item is a patient recording
 * @param kind the recording kind id when it is one, null otherwise
 * @param score the best kind's score, 0-100
 * @param reasons how the score was made, in order, identifiers masked; the last line states the verdict
 * @param identifiers patient identifiers found on the item (masked, fingerprinted), also for non-recordings
 */
public record RecordingClassification(
        boolean isRecording, String kind, int score, List<String> reasons, List<IdentifierMatch> identifiers) {

    public RecordingClassification {
        reasons = List.copyOf(reasons);
        identifiers = List.copyOf(identifiers);
    }
}
