package org.ward.connector.remediate;

import java.util.List;

/**
 * What {@code ward remediate} found and did.
 *
 * @param outcome how it ended
 * @param plan the plan, null when there is no such finding
 * @param before the permission as Graph has it now, null when not read or gone
 * @param writes the Graph writes made, in order (empty for a dry run)
 * @param notes sentences for the person at the command line
 */
public record RemediationResult(Outcome outcome, RemediationPlan plan, PermissionSnapshot before, List<AppliedWrite> writes,
        List<String> notes) {

    /** How a remediation ended. */
    public enum Outcome {
        /** Dry run: what would be done. */
        PREVIEWED,
        /** Every write was made. */
        APPLIED,
        /** The permission is already gone: nothing to do, no write made. */
        ALREADY_DONE,
        /** Ward has no automated action for this finding: the owner is told. */
        NOT_AUTOMATED,
        /** The permission is the site's own (set on the library): the site owner changes it. */
        SITE_PERMISSION,
        /** {@code --apply} while ward.remediation.enabled is false. */
        NOT_ENABLED,
        /** No finding has this id. */
        UNKNOWN_FINDING,
        /** Graph refused a write. */
        REFUSED,
        /** A label: {@code ward protect} applies it, with the others. */
        BY_PROTECT
    }

    public RemediationResult {
        writes = List.copyOf(writes);
        notes = List.copyOf(notes);
    }

    static RemediationResult of(Outcome outcome, RemediationPlan plan, PermissionSnapshot before, String... notes) {
        return new RemediationResult(outcome, plan, before, List.of(), List.of(notes));
    }
}
