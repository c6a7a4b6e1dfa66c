package org.ward.rules.classify;

import java.util.List;

/**
 * Whether a recording has consent evidence.
 *
 * @param status the verdict
 * @param evidence what was found, identifiers masked (empty unless PRESENT)
 * @param reason one sentence saying why, for the finding
 */
public record ConsentVerdict(Status status, List<String> evidence, String reason) {

    public enum Status { NOT_REQUIRED, PRESENT, MISSING }

    public ConsentVerdict {
        evidence = List.copyOf(evidence);
    }
}
