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
 * SINGLE_FACTOR_SIGN_IN: an interactive sign-in that Entra records with {@code authenticationRequirement}
 * singleFactorAuthentication (a beta-only field) by a user who can reach patient data, one finding per user.
 * Successful ones only when the rule's {@code successfulOnly} is true. Legacy clients are left to
 * LEGACY_AUTH_SIGN_IN. Owners of recordings and people named on them rank a step higher.
 */
final class SingleFactorSignInDetector implements SignInDetector {

    private final FindingType type;
    private final boolean authenticationRequirementRead;
    private final IdentityThresholds thresholds;
    private final boolean successfulOnly;
    private final ReachIndex reach;
    private final Map<String, SignInTally> tallies = new LinkedHashMap<>();

    SingleFactorSignInDetector(DetectorSetup setup) {
        this.type = setup.type();
        this.authenticationRequirementRead = setup.authenticationRequirementRead();
        this.thresholds = setup.pack().identity();
        this.successfulOnly = setup.rule().params().bool("successfulOnly");
        this.reach = setup.reach();
    }

    @Override
    public String notEvaluated() {
        if (!authenticationRequirementRead) {
            return "it needs authenticationRequirement, which only the beta sign-in log carries, and the beta log could not"
                    + " be read";
        }
        return reach.scanned() ? null : "no completed scan has found who can reach patient data yet (run ward scan)";
    }

    @Override
    public void accept(SignInEvent event, boolean replay) {
        if (replay || !event.interactive() || !"singleFactorAuthentication".equalsIgnoreCase(event.authenticationRequirement())
                || successfulOnly && !event.success() || thresholds.isLegacyClientApp(event.clientApp())
                || reach.of(event.userId(), event.upn()).level() == Reach.Level.NONE) {
            return;
        }
        tallies.computeIfAbsent(event.userKey(), k -> new SignInTally(event)).add(event);
    }

    @Override
    public List<Anomaly> finish() {
        List<Anomaly> found = new ArrayList<>();
        for (SignInTally t : tallies.values()) {
            found.add(new Anomaly(type, "user:" + t.first.userKey(), t.first.upn(), t.first.displayName(), "", t.newest,
                    t.count(), true, Map.of("successful", String.valueOf(t.successes > 0)), t.evidence));
        }
        return found;
    }

    @Override
    public FindingDraft describe(Anomaly a, Rule rule) {
        String userId = a.subject().substring("user:".length());
        Reach r = reach.of(userId, a.label());
        List<String> reasons = new ArrayList<>();
        reasons.add(IdentityText.plural(a.count(), "interactive sign-in") + " with a password alone (Entra's"
                + " authenticationRequirement singleFactorAuthentication) in the window.");
        reasons.addAll(reach.sentences(userId, a.label()));
        FindingDraft draft = FindingDraft.of(rule, IdentityText.who(a.displayName(), a.label())
                        + " signed in with a password alone and can reach patient data.", reasons,
                IdentitySubjects.of(a), null)
                .withDiscriminator(a.discriminator())
                .withDetails(IdentityText.details(a));
        return r.level() == Reach.Level.STRONG ? draft.withSeverity(SeverityRank.raise(rule.severity(), 1)) : draft;
    }
}
