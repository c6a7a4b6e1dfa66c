package org.ward.connector.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.ward.rules.classify.IdentifierMasking;

/**
 * One alert as every channel renders it: what happened, why it matters, what the owner should do, the facts, and (for
 * digests and notices) one line per finding. Built masked: no patient identifier reaches a channel in clear.
 *
 * @param eventId stable id of the event: the same on every delivery attempt and every channel, for receivers to
 *     deduplicate by (at-least-once delivery)
 * @param kind what it is about
 * @param severity critical … info, or null for a message about many findings
 * @param title one line
 * @param summary why it matters
 * @param nextStep what the owner should do
 * @param facts label to value (finding id, type, site, path, owner …), in order
 * @param lines one line per finding, for digests and notices; empty for a single finding
 * @param link where to act (the owner portal), or null
 * @param to recipients chosen for this alert (owner notices), or empty to use the channel's own
 * @param at when the event happened, ISO-8601 UTC
 */
public record Alert(String eventId, AlertKind kind, String severity, String title, String summary, String nextStep,
        Map<String, String> facts, List<String> lines, String link, List<String> to, String at) {

    // Ward's own finding ids are hex hashes; masking a digit run inside one would only break the id.
    private static final Pattern FINDING_ID = Pattern.compile("F-[0-9a-f]{16}");

    public Alert {
        facts = facts == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        lines = lines == null ? List.of() : List.copyOf(lines);
        to = to == null ? List.of() : List.copyOf(to);
    }

    /** This alert with every text masked the way reports are (masking masked text changes nothing). */
    public Alert masked(IdentifierMasking masking) {
        Map<String, String> shownFacts = new LinkedHashMap<>();
        facts.forEach((k, v) -> shownFacts.put(masking.maskText(k), v == null || FINDING_ID.matcher(v).matches() ? v
                : masking.maskText(v)));
        return new Alert(eventId, kind, severity, masking.maskText(title), masking.maskText(summary),
                masking.maskText(nextStep), shownFacts, lines.stream().map(masking::maskText).toList(),
                masking.maskText(link), to, at);
    }

    /** "Ward [high] New finding: Recording shared by anonymous link". */
    public String subject() {
        return "Ward" + (severity == null ? "" : " [" + severity + "]") + " " + kind.heading() + ": " + title;
    }
}
