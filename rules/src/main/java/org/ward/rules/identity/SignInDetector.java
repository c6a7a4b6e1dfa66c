package org.ward.rules.identity;

import java.util.List;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * A sign-in anomaly detector: the streaming shape of a check. One per rule, named in the identity catalogue and made
 * with its {@link DetectorSetup}; fed the sign-in log newest first (the only order Graph gives), keeping per-user (or
 * per-source) state only, so a month of a large tenant's sign-ins fits in bounded memory. Its outcome is the
 * checks' outcome: the findings its anomalies become, or "not evaluated, because ...". Pure: events in, anomalies out.
 */
public interface SignInDetector {

    /** Why it cannot judge this pass (data the log did not carry), or null when it can. */
    default String notEvaluated() {
        return null;
    }

    /**
     * @param event the next sign-in, older than every one before it
     * @param replay whether it was already seen by the last run and is read again only to complete short windows
     *        (spray, brute force, MFA fatigue) that straddle the runs; per-event detectors ignore replays
     */
    void accept(SignInEvent event, boolean replay);

    /** What was found; called once, after the last event. */
    List<Anomaly> finish();

    /** The finding an anomaly becomes under the rule (found now or kept from earlier runs). */
    FindingDraft describe(Anomaly anomaly, Rule rule);
}
