package org.ward.rules.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Rule;

/**
 * UNFAMILIAR_COUNTRY: a successful sign-in from a country the user did not sign in from during the baseline window
 * before it ({@code identity.unfamiliarCountry.baselineWindow}, 30 days). A user with no sign-in at all in that
 * window is still being learnt and is not flagged (Entra learns for at least 5 days too).
 *
 * <p>Events arrive newest first, so each user keeps, per country, the oldest occurrence not yet decided: an older
 * sign-in from the same country within the window makes it familiar; one from further back than the window decides
 * it; whatever is left at the end is decided against the baseline the last run kept.
 */
final class UnfamiliarCountryDetector implements SignInDetector {

    /** An occurrence waiting for what came before it. */
    private static final class Pending {
        final SignInEvent event;
        final Set<String> seenBefore = new TreeSet<>();
        boolean history;

        Pending(SignInEvent event) {
            this.event = event;
        }
    }

    private final FindingType type;
    private final Duration window;
    private final Map<String, UserBaseline> baselines;
    private final Map<String, Map<String, Pending>> pending = new HashMap<>();
    private final List<Anomaly> found = new ArrayList<>();

    UnfamiliarCountryDetector(DetectorSetup setup) {
        this.type = setup.type();
        this.window = IdentityText.window(setup.pack().identity().unfamiliarCountry().baselineWindow());
        this.baselines = setup.baselines();
    }

    @Override
    public void accept(SignInEvent event, boolean replay) {
        if (replay || !event.success() || event.country() == null || event.country().isBlank()) {
            return;
        }
        Map<String, Pending> user = pending.computeIfAbsent(event.userKey(), k -> new LinkedHashMap<>());
        for (Iterator<Pending> it = user.values().iterator(); it.hasNext();) {
            Pending p = it.next();
            if (Duration.between(event.time(), p.event.time()).compareTo(window) <= 0) {
                p.history = true;
                p.seenBefore.add(event.country());
                if (p.event.country().equals(event.country())) {
                    it.remove();
                }
            } else {
                it.remove();
                decide(p, null);
            }
        }
        user.put(event.country(), new Pending(event));
    }

    @Override
    public List<Anomaly> finish() {
        for (Map.Entry<String, Map<String, Pending>> user : pending.entrySet()) {
            UserBaseline baseline = baselines.get(user.getKey());
            for (Pending p : user.getValue().values()) {
                decide(p, baseline);
            }
        }
        pending.clear();
        return List.copyOf(found);
    }

    private void decide(Pending p, UserBaseline baseline) {
        SignInEvent e = p.event;
        if (baseline != null && baseline.knows(e.country(), e.time(), window)) {
            return;
        }
        boolean history = p.history || baseline != null && baseline.hasHistory(e.time(), window);
        if (!history) {
            return;
        }
        Set<String> known = new TreeSet<>(p.seenBefore);
        if (baseline != null) {
            baseline.countries().forEach((country, last) -> {
                if (!last.isBefore(e.time().minus(window)) && last.isBefore(e.time())) {
                    known.add(country);
                }
            });
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("country", e.country());
        facts.put("place", e.place());
        facts.put("knownCountries", String.join(", ", known));
        facts.put("baselineDays", String.valueOf(window.toDays()));
        found.add(new Anomaly(type, "user:" + e.userKey(), e.upn(), e.displayName(), e.id(), e.time(), 1, false, facts,
                List.of(Evidence.of(e))));
    }

    @Override
    public FindingDraft describe(Anomaly a, Rule rule) {
        return FindingDraft.of(rule, IdentityText.who(a.displayName(), a.label()) + " signed in from " + a.fact("place")
                        + ", a country not seen for them in the last " + a.fact("baselineDays") + " days.",
                List.of("In the " + a.fact("baselineDays") + " days before, they signed in only from "
                                + (a.fact("knownCountries").isEmpty() ? "other countries" : a.fact("knownCountries")) + ".",
                        "Sign-in at " + IdentityText.minute(a.occurredAt()) + " from " + a.evidence().get(0).ip() + "."),
                IdentitySubjects.of(a), null)
                .withDiscriminator(a.discriminator())
                .withDetails(IdentityText.details(a));
    }
}
