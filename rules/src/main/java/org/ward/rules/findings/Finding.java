package org.ward.rules.findings;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Severity;

/**
 * A finding as Ward keeps and reports it: the problem, why, where, whose, and its lifecycle.
 *
 * @param id stable id
 * @param type the finding type
 * @param severity severity
 * @param ruleId the policy rule
 * @param status open, resolved or accepted-risk
 * @param title the sentence a person reads first
 * @param reasons why
 * @param resource where
 * @param owner who should fix it
 * @param details structured facts
 * @param firstSeen when a scan first found it
 * @param lastSeen when a scan last found it
 * @param resolvedAt when a scan stopped finding it (null while open)
 * @param acceptedBy who accepted the risk (null unless accepted)
 * @param acceptedReason why
 * @param acceptedUntil the instant the acceptance ends (the start of the day after the last day, in the zone it was
 *     typed in)
 * @param acceptedThrough the last day the acceptance holds, as the person typed it (null unless accepted)
 * @param acceptedZone the time zone that day was typed in ("Europe/London"), null unless accepted
 */
public record Finding(String id, FindingType type, Severity severity, String ruleId, FindingStatus status, String title,
        List<String> reasons, FindingResource resource, String owner, Map<String, Object> details, Instant firstSeen,
        Instant lastSeen, Instant resolvedAt, String acceptedBy, String acceptedReason, Instant acceptedUntil,
        java.time.LocalDate acceptedThrough, String acceptedZone) {

    public Finding {
        reasons = List.copyOf(reasons);
        details = details == null ? Map.of() : details;
    }

    public Finding(String id, FindingType type, Severity severity, String ruleId, FindingStatus status, String title,
            List<String> reasons, FindingResource resource, String owner, Map<String, Object> details, Instant firstSeen,
            Instant lastSeen, Instant resolvedAt, String acceptedBy, String acceptedReason, Instant acceptedUntil) {
        this(id, type, severity, ruleId, status, title, reasons, resource, owner, details, firstSeen, lastSeen, resolvedAt,
                acceptedBy, acceptedReason, acceptedUntil, null, null);
    }

    /**
     * The last day a risk acceptance holds, as it was typed; for acceptances recorded before the day was kept, the UTC
     * day before the instant it ends. Null unless accepted.
     */
    public java.time.LocalDate acceptedLastDay() {
        if (acceptedThrough != null) {
            return acceptedThrough;
        }
        return acceptedUntil == null ? null
                : java.time.LocalDate.ofInstant(acceptedUntil.minusNanos(1), java.time.ZoneOffset.UTC);
    }

    /** The time zone the last day was typed in ("UTC" for acceptances recorded before the zone was kept). */
    public String acceptedLastDayZone() {
        return acceptedUntil == null ? null : acceptedZone == null ? "UTC" : acceptedZone;
    }

    /** Why the item is a patient recording, for a finding about one (masked, structured). */
    public java.util.Optional<org.ward.rules.facts.ClassificationEvidence> classification() {
        return details.get(FindingDraft.CLASSIFICATION) instanceof Map<?, ?> map
                ? java.util.Optional.of(org.ward.rules.facts.ClassificationEvidence.fromMap(map))
                : java.util.Optional.empty();
    }

    /** The structured details other than the classification evidence, which reports show on its own. */
    public Map<String, Object> otherDetails() {
        if (!details.containsKey(FindingDraft.CLASSIFICATION)) {
            return details;
        }
        Map<String, Object> rest = new java.util.LinkedHashMap<>(details);
        rest.remove(FindingDraft.CLASSIFICATION);
        return rest;
    }
}
