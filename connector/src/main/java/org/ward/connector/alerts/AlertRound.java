package org.ward.connector.alerts;

import java.util.List;
import java.util.Map;

/**
 * What one alerting round did, for the scan summary and {@code ward alerts}.
 *
 * @param enabled whether alerts are on
 * @param queued alerts queued this round
 * @param sent alerts handed over this round, by channel
 * @param deferred alerts held back by quiet hours or a cap this round
 * @param destinations where each channel delivers, by channel
 * @param problems one sentence per channel that failed this round or has alerts it gave up on
 * @param health every channel's record so far
 */
public record AlertRound(boolean enabled, int queued, Map<String, Integer> sent, int deferred,
        Map<String, String> destinations, List<String> problems, List<AlertOutbox.ChannelHealth> health) {

    static AlertRound off() {
        return new AlertRound(false, 0, Map.of(), 0, Map.of(), List.of(), List.of());
    }

    /** The summary's lines: where each alert went, and what is failing. */
    public List<String> lines() {
        if (!enabled) {
            return List.of();
        }
        List<String> lines = new java.util.ArrayList<>();
        int total = sent.values().stream().mapToInt(Integer::intValue).sum();
        lines.add("Alerts: " + queued + " raised, " + total + " sent" + (deferred > 0 ? ", " + deferred
                + " held by quiet hours or caps" : "") + ".");
        destinations.forEach((channel, where) -> lines.add("  " + channel + " (" + where + "): "
                + sent.getOrDefault(channel, 0) + " sent"));
        problems.forEach(p -> lines.add("  Failing: " + p));
        return lines;
    }
}
