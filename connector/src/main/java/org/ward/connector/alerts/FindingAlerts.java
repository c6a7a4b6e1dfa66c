package org.ward.connector.alerts;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.connector.findings.FindingStore;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * Turns a finding's lifecycle event into its alert (what, why it matters, the owner's next step, from the pack's rule)
 * and routes it: the channels of every route whose severity, types and sites match.
 */
final class FindingAlerts {

    private final PolicyPack policy;
    private final AlertSettings settings;

    FindingAlerts(PolicyPack policy, AlertSettings settings) {
        this.policy = policy;
        this.settings = settings;
    }

    /** The alert kind for an event, or null when the event raises none (resolved, accepted). */
    static AlertKind kind(FindingStore.LifecycleEvent event) {
        return switch (event.event()) {
            case "OPENED" -> AlertKind.NEW_FINDING;
            case "REOPENED" -> FindingStore.acceptanceExpired(event) ? AlertKind.ACCEPTANCE_EXPIRED : AlertKind.REOPENED;
            default -> null;
        };
    }

    /** The event id receivers deduplicate by: one per lifecycle event, whatever replays it. */
    static String eventId(FindingStore.LifecycleEvent event) {
        return "ward-finding-event-" + event.eventId();
    }

    Alert alert(FindingStore.LifecycleEvent event, AlertKind kind, Finding finding) {
        Rule rule = policy.rule(finding.type()).orElse(null);
        Map<String, String> facts = facts(finding);
        return new Alert(eventId(event), kind, finding.severity().yamlName(), finding.title(),
                rule == null ? null : rule.rationale(), rule == null ? null : rule.remediation(), facts, List.of(),
                settings.owners().portalUrl(), List.of(), event.at().toString());
    }

    static Map<String, String> facts(Finding finding) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Finding", finding.id());
        facts.put("Type", finding.type().name());
        facts.put("Severity", finding.severity().yamlName());
        facts.put("Site", site(finding));
        facts.put("Location", finding.resource().path());
        facts.put("Owner", finding.owner());
        facts.put("First seen", finding.firstSeen() == null ? null : finding.firstSeen().toString());
        return facts;
    }

    /** The channels the finding goes to, in configuration order. */
    Set<String> route(Finding finding) {
        Set<String> channels = new LinkedHashSet<>();
        for (AlertSettings.Route route : settings.routes()) {
            boolean severe = finding.severity().ordinal() <= route.threshold().ordinal();
            boolean type = route.types().isEmpty() || route.types().stream().anyMatch(t -> t.trim().equals(finding.type().name()));
            boolean site = route.sites().isEmpty() || route.sites().stream().anyMatch(s -> onSite(finding, s.trim()));
            if (severe && type && site) {
                route.channels().forEach(c -> channels.add(c.trim()));
            }
        }
        return channels;
    }

    private static boolean onSite(Finding finding, String site) {
        String id = finding.resource().siteId();
        String url = finding.resource().webUrl();
        return site.equalsIgnoreCase(id) || url != null && (url.equalsIgnoreCase(site)
                || url.toLowerCase(java.util.Locale.ROOT).startsWith(site.toLowerCase(java.util.Locale.ROOT).replaceAll("/$", "") + "/"));
    }

    /** The site's address (https://host/sites/name, /teams/name or /personal/name), else its id. */
    static String site(Finding finding) {
        String url = finding.resource().webUrl();
        if (url != null) {
            var m = java.util.regex.Pattern.compile("^(https://[^/]+/(?:sites|teams|personal)/[^/?#]+)").matcher(url);
            if (m.find()) {
                return m.group(1);
            }
        }
        return finding.resource().siteId();
    }
}
