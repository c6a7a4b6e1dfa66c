package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.IdentityThresholds;
import org.ward.rules.policy.Rule;

/**
 * LEGACY_AUTH_SIGN_IN: sign-ins through a client Entra records as legacy authentication ({@code clientAppUsed} in
 * {@code identity.legacyClientApps}: IMAP4, POP3, Authenticated SMTP, Exchange ActiveSync, Other clients, ...),
 * one finding per user and client. Successful ones keep the rule's severity; attempts only (when the rule's
 * {@code successfulOnly} is false) are a step lower.
 */
final class LegacyAuthSignInDetector implements SignInDetector {

    private final FindingType type;
    private final IdentityThresholds thresholds;
    private final boolean successfulOnly;
    private final Map<String, SignInTally> tallies = new LinkedHashMap<>();

    LegacyAuthSignInDetector(DetectorSetup setup) {
        this.type = setup.type();
        this.thresholds = setup.pack().identity();
        this.successfulOnly = setup.rule().params().bool("successfulOnly");
    }

    @Override
    public void accept(SignInEvent event, boolean replay) {
        if (replay || !thresholds.isLegacyClientApp(event.clientApp()) || successfulOnly && !event.success()) {
            return;
        }
        String client = event.clientApp().trim().toLowerCase(Locale.ROOT);
        tallies.computeIfAbsent(event.userKey() + "|" + client, k -> new SignInTally(event)).add(event);
    }

    @Override
    public List<Anomaly> finish() {
        List<Anomaly> found = new ArrayList<>();
        for (SignInTally t : tallies.values()) {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("client", t.first.clientApp());
            facts.put("successful", String.valueOf(t.successes > 0));
            found.add(new Anomaly(type, "user:" + t.first.userKey(), t.first.upn(), t.first.displayName(),
                    t.first.clientApp().trim().toLowerCase(Locale.ROOT), t.newest, t.count(), true, facts, t.evidence));
        }
        return found;
    }

    @Override
    public FindingDraft describe(Anomaly a, Rule rule) {
        boolean successful = Boolean.parseBoolean(a.fact("successful"));
        long ok = a.evidence().stream().filter(e -> e.result().equals("success")).count();
        FindingDraft draft = FindingDraft.of(rule, IdentityText.who(a.displayName(), a.label())
                        + (successful ? " signed in with " : " tried to sign in with ") + a.fact("client")
                        + ", a legacy authentication client.",
                List.of(IdentityText.plural(a.count(), "sign-in") + " through " + a.fact("client") + " in the window"
                                + (successful ? ", " + ok + " of the latest shown successful" : ", none successful") + ".",
                        "Legacy protocols cannot do MFA; identity.legacyClientApps lists " + a.fact("client") + "."),
                IdentitySubjects.of(a), null)
                .withDiscriminator(a.discriminator())
                .withDetails(IdentityText.details(a));
        return successful ? draft : draft.withSeverity(SeverityRank.lower(rule.severity(), 1));
    }
}
