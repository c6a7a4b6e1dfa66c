package org.ward.rules.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.policy.FindingType;

/**
 * A sign-in anomaly a detector found, before it becomes a finding. Anomalies are kept while their sign-ins are inside
 * the sliding window, so a finding stays open for as long as the events behind it are recent, and one found across
 * two runs (a burst that straddles them, or a legacy client used day after day) is merged into one.
 *
 * @param type the finding type
 * @param subject "user:&lt;object id&gt;", "ip:&lt;address&gt;" or "tenant"
 * @param label what the finding is about, as people read it: the UPN, or the IP address
 * @param displayName the user's display name (null for an IP)
 * @param discriminator tells apart two anomalies of one type on one subject ("" if none)
 * @param occurredAt the newest sign-in behind it
 * @param count how many sign-ins it covers
 * @param accumulates whether counts add up when merged (per-event anomalies) rather than overlap (windows re-read)
 * @param facts the measurements and flags the finding's text uses
 * @param evidence the sign-ins behind it, newest first, at most {@link #EVIDENCE}
 */
public record Anomaly(FindingType type, String subject, String label, String displayName, String discriminator,
        Instant occurredAt, int count, boolean accumulates, Map<String, String> facts, List<Evidence> evidence) {

    /** Evidence kept per finding: enough to investigate, small enough to store. */
    public static final int EVIDENCE = 20;

    public Anomaly {
        facts = Map.copyOf(facts);
        evidence = trim(evidence);
        discriminator = discriminator == null ? "" : discriminator;
    }

    /** Identifies the anomaly across runs, like a finding id. */
    public String key() {
        return type.name() + "|" + subject + "|" + discriminator;
    }

    /** This anomaly found again, or found further: evidence united, counts added or the larger kept, newer facts win. */
    public Anomaly merge(Anomaly newer) {
        List<Evidence> both = new ArrayList<>(newer.evidence);
        both.addAll(evidence);
        Map<String, String> mergedFacts = new LinkedHashMap<>(facts);
        mergedFacts.putAll(newer.facts);
        int merged = accumulates ? count + newer.count : Math.max(count, newer.count);
        Instant latest = occurredAt.isAfter(newer.occurredAt) ? occurredAt : newer.occurredAt;
        return new Anomaly(type, subject, newer.label, newer.displayName, discriminator, latest, merged, accumulates,
                mergedFacts, both);
    }

    public String fact(String name) {
        return facts.get(name);
    }

    private static List<Evidence> trim(List<Evidence> evidence) {
        Map<String, Evidence> byId = new LinkedHashMap<>();
        evidence.stream().sorted(Comparator.comparing(Evidence::time).reversed()).forEach(e -> byId.putIfAbsent(e.id(), e));
        return List.copyOf(byId.values().stream().limit(EVIDENCE).toList());
    }
}
