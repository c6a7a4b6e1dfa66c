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
 * @param acceptedUntil until when
 */
public record Finding(String id, FindingType type, Severity severity, String ruleId, FindingStatus status, String title,
        List<String> reasons, FindingResource resource, String owner, Map<String, Object> details, Instant firstSeen,
        Instant lastSeen, Instant resolvedAt, String acceptedBy, String acceptedReason, Instant acceptedUntil) {

    public Finding {
        reasons = List.copyOf(reasons);
        details = details == null ? Map.of() : details;
    }
}
