package org.ward.rules.facts;

import java.util.List;



/**
 * An item as Ward keeps it, with its classification evidence: what recording checks read about a recording and the
 * files beside it. Names and paths are masked; identifiers are fingerprints.
 *
 * @param item the item (masked name and path)
 * @param recording whether it was classified as a patient recording
 * @param kind the recording kind
 * @param score the classifier's score
 * @param reasons the classifier's reasons
 * @param identifiers identifiers found: type, masked value, fingerprint
 * @param evidence the classification evidence, structured (every finding about the recording carries it)
 */
public record ClassifiedItem(ItemRecord item, boolean recording, String kind, int score, List<String> reasons,
        List<StoredIdentifier> identifiers, ClassificationEvidence evidence) {

    public ClassifiedItem {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        evidence = evidence == null ? ClassificationEvidence.of(reasons.isEmpty() ? null : reasons.get(reasons.size() - 1))
                : evidence;
    }

    public ClassifiedItem(ItemRecord item, boolean recording, String kind, int score, List<String> reasons,
            List<StoredIdentifier> identifiers) {
        this(item, recording, kind, score, reasons, identifiers, null);
    }
}
