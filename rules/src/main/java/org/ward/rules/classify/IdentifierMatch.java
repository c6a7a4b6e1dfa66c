package org.ward.rules.classify;

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
 */
public record IdentifierMatch(
        IdentifierType type, String masked, String fingerprint, String foundIn, String context, boolean testRange) {

    public boolean withContext() {
        return context != null;
    }

    /** "NHS number 943 *** **19 in the file name". */
    public String describe() {
        return type.label() + " " + masked + (testRange ? " (test range)" : "") + " in the " + foundIn;
    }
}
