package org.ward.rules.classify;

import org.ward.rules.facts.ClassificationEvidence;
import org.ward.rules.policy.IdentifierType;

/**
 * A patient identifier found on an item, as it may leave the classifier: masked, with a keyed fingerprint for
 * joining, never the clear value.
 *
 * @param type the identifier type
 * @param masked the masked value ("943 *** **19")
 * @param fingerprint the keyed fingerprint, equal for equal identifiers
 * @param foundIn where it was found ("file name", "folder path", "column PatientNHS")
 * @param context what backs it ("keyword \"NHS\" in the file name", or clinical folder or site context); null
 *     when nothing does, and then a checksum-passing number is weak evidence
 * @param testRange whether it is an NHS number from the 999 test range, never issued to a patient
 * @param wellFormed whether it is written in one of its type's formats ("943 476 5919"), not as bare digits
 */
public record IdentifierMatch(IdentifierType type, String masked, String fingerprint, String foundIn, String context,
        boolean testRange, boolean wellFormed) {

    public IdentifierMatch(IdentifierType type, String masked, String fingerprint, String foundIn, String context,
            boolean testRange) {
        this(type, masked, fingerprint, foundIn, context, testRange, false);
    }

    public boolean withContext() {
        return context != null;
    }

    /** "NHS number 943 *** **19 in the file name". */
    public String describe() {
        return type.label() + " " + masked + (testRange ? " (test range)" : "") + " in the " + foundIn;
    }

    /** "backed by context", "well-formed" or "bare digits": how much the identifier says on its own. */
    public String strength() {
        return withContext() ? "backed by context" : wellFormed ? "well-formed" : "bare digits";
    }

    /** The same, as the classification evidence carries it. */
    public ClassificationEvidence.IdentifierEvidence evidence() {
        return new ClassificationEvidence.IdentifierEvidence(type.label(), masked, foundIn, strength(), context, testRange);
    }
}
