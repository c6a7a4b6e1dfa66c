package org.ward.rules.findings;

import java.util.List;
import java.util.Map;

import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Rule;
import org.ward.rules.policy.Severity;

/**
 * What a check reports: a problem it found this time. The store turns drafts into {@link Finding}s with a stable id
 * and a lifecycle.
 *
 * @param type the finding type (a contract)
 * @param ruleId the policy rule that found it
 * @param severity the severity (the rule's, or raised or lowered by the check with a reason)
 * @param title one sentence a person reads first
 * @param reasons why, in order, identifiers masked
 * @param resource what it is about
 * @param owner who should fix it (site or group owners, the OneDrive's user), null when unknown
 * @param discriminator distinguishes two findings of one type on one resource (e.g. a permission id), "" if none
 * @param details structured facts for reports (who can reach it, the link, the copy's other place, ...)
 */
public record FindingDraft(FindingType type, String ruleId, Severity severity, String title, List<String> reasons,
        FindingResource resource, String owner, String discriminator, Map<String, Object> details) {

    public FindingDraft {
        reasons = List.copyOf(reasons);
        details = details == null ? Map.of() : Map.copyOf(details);
        discriminator = discriminator == null ? "" : discriminator;
    }

    public static FindingDraft of(Rule rule, String title, List<String> reasons, FindingResource resource, String owner) {
        return new FindingDraft(rule.findingType(), rule.id(), rule.severity(), title, reasons, resource, owner, "", Map.of());
    }

    public FindingDraft withSeverity(Severity newSeverity) {
        return new FindingDraft(type, ruleId, newSeverity, title, reasons, resource, owner, discriminator, details);
    }

    public FindingDraft withDiscriminator(String value) {
        return new FindingDraft(type, ruleId, severity, title, reasons, resource, owner, value, details);
    }

    public FindingDraft withDetails(Map<String, Object> value) {
        return new FindingDraft(type, ruleId, severity, title, reasons, resource, owner, discriminator, value);
    }

    /** The key in {@link #details()} under which a finding about a recording carries its classification evidence. */
    public static final String CLASSIFICATION = "classification";

    /** The same finding, carrying why its item is a patient recording (structured, identifiers masked). */
    public FindingDraft withClassification(org.ward.rules.facts.ClassificationEvidence evidence) {
        if (evidence == null) {
            return this;
        }
        Map<String, Object> more = new java.util.LinkedHashMap<>(details);
        more.put(CLASSIFICATION, evidence.toMap());
        return withDetails(more);
    }

    /** The stable id: the same problem found again is the same finding. */
    public String findingId() {
        return FindingIds.of(type, resource.key(), discriminator);
    }
}
