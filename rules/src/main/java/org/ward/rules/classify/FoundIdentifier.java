package org.ward.rules.classify;

import org.ward.rules.policy.IdentifierType;

/**
 * An identifier found in a text, with its clear value. Package-private on purpose: only the scanner, the masker
 * and the fingerprint see clear values; everything that leaves this package is an {@link IdentifierMatch}.
 *
 * @param type the identifier type
 * @param start where the match starts in the text
 * @param end where it ends (exclusive)
 * @param value the normalised value (digits, or an MRN in upper case without separators)
 */
record FoundIdentifier(IdentifierType type, int start, int end, String value) {

    boolean overlaps(FoundIdentifier other) {
        return start < other.end && other.start < end;
    }
}
