package org.ward.rules.check;

import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.policy.Rule;

/**
 * The one contract of a check: the facts about one subject and its rule in; findings, a pass, or "not evaluated,
 * because ..." out. Pure: no I/O, no clock of its own, no state between subjects. Each check is named after its
 * finding type, listed once in its family's catalogue, and made with its no-argument constructor.
 *
 * @param <F> the facts it reads (a recording, a place, a recording's access, a OneDrive copy, the tenant's identity
 *     facts)
 */
@FunctionalInterface
public interface Check<F> {

    /**
     * @param facts what Ward knows about the subject
     * @param rule the pack's rule for the check's finding type (enabled), with its parameters filled in
     * @param context the pack in force, the time of the scan, and the policy readings checks share
     */
    CheckOutcome evaluate(F facts, Rule rule, CheckContext context);
}
