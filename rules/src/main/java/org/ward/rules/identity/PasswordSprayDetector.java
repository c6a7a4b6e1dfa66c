package org.ward.rules.identity;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.IdentityThresholds;
import org.ward.rules.policy.Rule;

/**
 * PASSWORD_SPRAY: one IP address failing against at least {@code identity.passwordSpray.minimumAccounts} distinct
 * accounts (5) within {@code window} (20 minutes) with the listed error codes (50053, 50126, 50055), and — as
 * Microsoft Sentinel's rule requires — more accounts failing than succeeding from it in that window, so a busy
 * office address where a few people mistype is not a spray. Entra ID Protection flags a spray only after a password
 * works, so failed sprays are found here.
 */
final class PasswordSprayDetector implements SignInDetector {

    /** Sliding window of one address: its recent sign-ins and the accounts failing and succeeding among them. */
    private static final class Source {
        final ArrayDeque<SignInEvent> events = new ArrayDeque<>();
        final Map<String, Integer> failing = new HashMap<>();
        final Map<String, Integer> succeeding = new HashMap<>();
        Burst burst;
    }

    private static final int SWEEP_EVERY = 10_000;

    private final FindingType type;
    private final IdentityThresholds.PasswordSpray limits;
    private final Map<String, Source> sources = new HashMap<>();
    private final List<Anomaly> found = new ArrayList<>();
    private long seen;

    PasswordSprayDetector(DetectorSetup setup) {
        this.type = setup.type();
        this.limits = setup.pack().identity().passwordSpray();
    }

    private boolean failure(SignInEvent e) {
        return limits.failureCodes().contains(e.errorCode());
    }

    @Override
    public void accept(SignInEvent event, boolean replay) {
        if (event.ip() == null || !event.success() && !failure(event)) {
            return;
        }
        Source source = sources.computeIfAbsent(event.ip(), k -> new Source());
        while (!source.events.isEmpty()
                && Duration.between(event.time(), source.events.peekFirst().time()).compareTo(limits.window()) > 0) {
            forget(source, source.events.pollFirst());
        }
        source.events.addLast(event);
        (event.success() ? source.succeeding : source.failing).merge(event.upn(), 1, Integer::sum);
        if (source.burst != null && source.burst.endedBy(event.time(), limits.window())) {
            close(event.ip(), source);
        }
        if (source.failing.size() >= limits.minimumAccounts() && source.failing.size() > source.succeeding.size()) {
            if (source.burst == null) {
                source.burst = new Burst();
            }
            source.events.stream().filter(this::failure).forEach(source.burst::add);
        }
        if (++seen % SWEEP_EVERY == 0) {
            sweep(event);
        }
    }

    private static void forget(Source source, SignInEvent old) {
        Map<String, Integer> counts = old.success() ? source.succeeding : source.failing;
        counts.computeIfPresent(old.upn(), (k, n) -> n == 1 ? null : n - 1);
    }

    /** Drops addresses the stream has left a window behind, so memory follows active sources only. */
    private void sweep(SignInEvent now) {
        for (Iterator<Map.Entry<String, Source>> it = sources.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Source> entry = it.next();
            Source source = entry.getValue();
            SignInEvent newest = source.events.peekFirst();
            if (newest == null || Duration.between(now.time(), newest.time()).compareTo(limits.window()) > 0) {
                if (source.burst != null) {
                    close(entry.getKey(), source);
                }
                it.remove();
            }
        }
    }

    private void close(String ip, Source source) {
        Burst burst = source.burst;
        source.burst = null;
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("accounts", String.valueOf(burst.accounts()));
        facts.put("failures", String.valueOf(burst.size()));
        facts.put("windowMinutes", String.valueOf(limits.window().toMinutes()));
        facts.put("from", IdentityText.minute(burst.oldest()));
        facts.put("to", IdentityText.minute(burst.newest()));
        String place = burst.events().get(0).place();
        facts.put("place", place);
        found.add(new Anomaly(type, "ip:" + ip, ip, null, IdentityText.day(burst.oldest()), burst.newest(), burst.size(),
                false, facts, burst.events().stream().map(Evidence::withAccount).toList()));
    }

    @Override
    public List<Anomaly> finish() {
        sources.forEach((ip, source) -> {
            if (source.burst != null) {
                close(ip, source);
            }
        });
        sources.clear();
        return List.copyOf(found);
    }

    @Override
    public FindingDraft describe(Anomaly a, Rule rule) {
        return FindingDraft.of(rule, a.label() + " (" + a.fact("place") + ") failed to sign in to " + a.fact("accounts")
                        + " accounts between " + a.fact("from") + " and " + a.fact("to") + ".",
                List.of(a.fact("failures") + " failed sign-ins against " + a.fact("accounts") + " accounts; the pack calls it"
                                + " a spray at " + limits.minimumAccounts() + " accounts within " + a.fact("windowMinutes")
                                + " minutes, with more accounts failing than succeeding from the address.",
                        "Check the targeted accounts for a later successful sign-in."),
                IdentitySubjects.of(a), null)
                .withDiscriminator(a.discriminator())
                .withDetails(IdentityText.details(a));
    }
}
