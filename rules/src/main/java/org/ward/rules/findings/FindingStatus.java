package org.ward.rules.findings;

/** Where a finding stands. */
public enum FindingStatus {
    /** The problem is there now. */
    OPEN,
    /** A later scan no longer saw it. */
    RESOLVED,
    /** A compliance officer accepted the risk, with a reason, until a date; after that it is open again. */
    ACCEPTED_RISK
}
