package org.ward.rules.classify;

import org.ward.rules.facts.ClassificationEvidence;
import java.util.List;

/**
 * The classifier's verdict on one item, with everything an auditor needs to see why.
 *
 * @param isRecording whether the item is a patient recording
 * @param kind the recording kind id when it is one, null otherwise
 * @param score the best kind's score, 0-100
 * @param reasons how the score was made, in order, identifiers masked; the last line states the verdict
 * @param identifiers patient identifiers found on the item (masked, fingerprinted), also for non-recordings
 * @param evidence the same, structured: each signal with where it matched and its weight, the threshold, what argued
 *     against it
 */
public record RecordingClassification(boolean isRecording, String kind, int score, List<String> reasons,
        List<IdentifierMatch> identifiers, ClassificationEvidence evidence) {

    public RecordingClassification {
        reasons = List.copyOf(reasons);
        identifiers = List.copyOf(identifiers);
        evidence = evidence == null ? ClassificationEvidence.of(reasons.isEmpty() ? null : reasons.get(reasons.size() - 1))
                : evidence;
    }

    public RecordingClassification(boolean isRecording, String kind, int score, List<String> reasons,
            List<IdentifierMatch> identifiers) {
        this(isRecording, kind, score, reasons, identifiers, null);
    }

    /** A verdict made from its evidence: the reasons are the evidence's sentences. */
    static RecordingClassification of(ClassificationEvidence evidence, List<IdentifierMatch> identifiers) {
        return new RecordingClassification(evidence.recording(), evidence.recording() ? evidence.kind() : null,
                evidence.score(), evidence.sentences(), identifiers, evidence);
    }
}
