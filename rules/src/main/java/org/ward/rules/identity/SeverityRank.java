package org.ward.rules.identity;

import org.ward.rules.policy.Severity;

/** Moves a rule's severity up or down a step, within critical..info, when a check ranks a finding. */
final class SeverityRank {

    private SeverityRank() {
    }

    static Severity raise(Severity severity, int steps) {
        int index = Math.max(0, Math.min(Severity.values().length - 1, severity.ordinal() - steps));
        return Severity.values()[index];
    }

    static Severity lower(Severity severity, int steps) {
        return raise(severity, -steps);
    }
}
