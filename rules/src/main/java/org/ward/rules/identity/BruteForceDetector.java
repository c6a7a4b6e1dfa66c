package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.IdentityThresholds;
import org.ward.rules.policy.Rule;

/**
 * BRUTE_FORCE: at least {@code identity.bruteForce.minimumFailures} failed sign-ins (10, CIS M365 5.2.3.8's lockout
 * threshold) on one account within {@code window} (1 hour) with the listed error codes. A success on the account
 * within the window after the last failure raises the severity a step: the guess may have worked.
 */
final class BruteForceDetector implements SignInDetector {

    private final FindingType type;
    private final IdentityThresholds.BruteForce limits;
    private final AccountBursts bursts;

    BruteForceDetector(DetectorSetup setup) {
        this.type = setup.type();
        this.limits = setup.pack().identity().bruteForce();
        this.bursts = new AccountBursts(e -> limits.failureCodes().contains(e.errorCode()), limits.minimumFailures(),
                limits.window());
    }

    @Override
    public void accept(SignInEvent event, boolean replay) {
        bursts.accept(event);
    }

    @Override
    public List<Anomaly> finish() {
        List<Anomaly> found = new ArrayList<>();
        for (Burst burst : bursts.finish()) {
            SignInEvent any = burst.events().get(0);
            SignInEvent success = burst.followedBy();
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("failures", String.valueOf(burst.size()));
            facts.put("windowMinutes", String.valueOf(limits.window().toMinutes()));
            facts.put("from", IdentityText.minute(burst.oldest()));
            facts.put("to", IdentityText.minute(burst.newest()));
            facts.put("followedBySuccess", String.valueOf(success != null));
            List<Evidence> evidence = new ArrayList<>();
            if (success != null) {
                facts.put("successAt", IdentityText.minute(success.time()));
                facts.put("successFrom", success.place());
                evidence.add(Evidence.of(success));
            }
            burst.events().forEach(e -> evidence.add(Evidence.of(e)));
            found.add(new Anomaly(type, "user:" + any.userKey(), any.upn(), any.displayName(),
                    IdentityText.day(burst.oldest()), success != null ? success.time() : burst.newest(), burst.size(), false,
                    facts, evidence));
        }
        return found;
    }

    @Override
    public FindingDraft describe(Anomaly a, Rule rule) {
        boolean succeeded = Boolean.parseBoolean(a.fact("followedBySuccess"));
        List<String> reasons = new ArrayList<>();
        reasons.add(a.fact("failures") + " failed sign-ins between " + a.fact("from") + " and " + a.fact("to")
                + "; the pack calls it brute force at " + limits.minimumFailures() + " within " + a.fact("windowMinutes")
                + " minutes.");
        if (succeeded) {
            reasons.add("A successful sign-in followed at " + a.fact("successAt") + " from " + a.fact("successFrom")
                    + ": the password may have been guessed.");
        }
        FindingDraft draft = FindingDraft.of(rule, IdentityText.who(a.displayName(), a.label()) + " had "
                        + a.fact("failures") + " failed sign-ins in a short time" + (succeeded ? ", then one succeeded." : "."),
                reasons, IdentitySubjects.of(a), null)
                .withDiscriminator(a.discriminator())
                .withDetails(IdentityText.details(a));
        return succeeded ? draft.withSeverity(SeverityRank.raise(rule.severity(), 1)) : draft;
    }
}
