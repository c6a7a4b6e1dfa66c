package org.ward.rules.check;

import java.time.Instant;

import org.ward.rules.classify.ConsentEvidence;
import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.classify.LabelRequirements;
import org.ward.rules.classify.RetentionClock;
import org.ward.rules.policy.PolicyPack;

/**
 * What every check is given besides its facts and rule: the pack in force, the time of the scan, and the readings of
 * the pack several checks share, made once per assessment rather than once per subject.
 *
 * @param pack the policy pack in force
 * @param now the time the scan judges at
 * @param labels the pack's label requirements
 * @param retention the pack's retention periods
 * @param consent the pack's consent evidence rules
 */
public record CheckContext(PolicyPack pack, Instant now, LabelRequirements labels, RetentionClock retention,
        ConsentEvidence consent) {

    /**
     * @param fingerprint the installation's identifier fingerprint (consent forms are matched to recordings by it);
     *     null where no check compares identifiers
     */
    public static CheckContext of(PolicyPack pack, Instant now, IdentifierFingerprint fingerprint) {
        return new CheckContext(pack, now, new LabelRequirements(pack.labels()), new RetentionClock(pack.retention()),
                new ConsentEvidence(pack, fingerprint));
    }

    public static CheckContext of(PolicyPack pack, Instant now) {
        return of(pack, now, null);
    }
}
