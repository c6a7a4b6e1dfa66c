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
 * MFA_FATIGUE: more than {@code identity.mfaFatigue.deniedPromptsMoreThan} MFA prompts denied or left unanswered
 * (error 500121) on one account within {@code window} (more than 10 in 5 minutes: Microsoft Sentinel's "MFA Spamming
 * followed by Successful login"), then, when {@code requireSuccess}, a successful sign-in within the window: the
 * user gave in to the prompts.
 */
final class MfaFatigueDetector implements SignInDetector {

    private final FindingType type;
    private final IdentityThresholds.MfaFatigue limits;
    private final AccountBursts bursts;

    MfaFatigueDetector(DetectorSetup setup) {
        this.type = setup.type();
        this.limits = setup.pack().identity().mfaFatigue();
        this.bursts = new AccountBursts(e -> limits.denialCodes().contains(e.errorCode()),
                limits.deniedPromptsMoreThan() + 1, limits.window());
    }

    @Override
    public void accept(SignInEvent event, boolean replay) {
        bursts.accept(event);
    }

    @Override
    public List<Anomaly> finish() {
        List<Anomaly> found = new ArrayList<>();
        for (Burst burst : bursts.finish()) {
            SignInEvent approved = burst.followedBy();
            if (approved == null && limits.requireSuccess()) {
                continue;
            }
            SignInEvent any = burst.events().get(0);
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("denied", String.valueOf(burst.size()));
            facts.put("windowMinutes", String.valueOf(limits.window().toMinutes()));
            facts.put("from", IdentityText.minute(burst.oldest()));
            facts.put("to", IdentityText.minute(burst.newest()));
            facts.put("approved", String.valueOf(approved != null));
            List<Evidence> evidence = new ArrayList<>();
            if (approved != null) {
                facts.put("approvedAt", IdentityText.minute(approved.time()));
                facts.put("approvedFrom", approved.place());
                evidence.add(Evidence.of(approved));
            }
            burst.events().forEach(e -> evidence.add(Evidence.of(e)));
            found.add(new Anomaly(type, "user:" + any.userKey(), any.upn(), any.displayName(),
                    approved != null ? approved.id() : IdentityText.day(burst.oldest()),
                    approved != null ? approved.time() : burst.newest(), burst.size(), false, facts, evidence));
        }
        return found;
    }

    @Override
    public FindingDraft describe(Anomaly a, Rule rule) {
        boolean approved = Boolean.parseBoolean(a.fact("approved"));
        List<String> reasons = new ArrayList<>();
        reasons.add(a.fact("denied") + " MFA prompts denied or unanswered between " + a.fact("from") + " and "
                + a.fact("to") + "; the pack calls it MFA fatigue above " + limits.deniedPromptsMoreThan() + " within "
                + a.fact("windowMinutes") + " minutes.");
        if (approved) {
            reasons.add("Then a prompt was approved at " + a.fact("approvedAt") + " from " + a.fact("approvedFrom")
                    + ": whoever held the password is probably in.");
        }
        return FindingDraft.of(rule, IdentityText.who(a.displayName(), a.label()) + " denied " + a.fact("denied")
                        + " MFA prompts in a few minutes" + (approved ? ", then approved one." : "."),
                reasons, IdentitySubjects.of(a), null)
                .withDiscriminator(a.discriminator())
                .withDetails(IdentityText.details(a));
    }
}
