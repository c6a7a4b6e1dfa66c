package org.ward.connector.remediate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ward.connector.audit.AuditEntry;
import org.ward.connector.audit.AuditEvent;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.findings.FindingStore;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;

import tools.jackson.databind.json.JsonMapper;

/**
 * A compliance officer's decision to accept a finding's risk, with a reason, until a date: recorded on the finding
 * and in the audit log. The first scan after that date opens the finding again.
 */
@Component
public class RiskAcceptance {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FindingStore findings;
    private final AuditLog audit;
    private final IdentifierMasking masking;
    private final Clock clock;

    public RiskAcceptance(FindingStore findings, AuditLog audit, IdentifierMasking masking, Clock wardClock) {
        this.findings = findings;
        this.audit = audit;
        this.masking = masking;
        this.clock = wardClock;
    }

    /**
     * Accepts the risk through the end of {@code until} in UTC.
     *
     * @return the audit entry that records it
     * @throws IllegalArgumentException with a sentence, when the finding, the reason or the date will not do
     */
    public AuditEntry accept(String findingId, String by, String reason, LocalDate until) {
        return accept(findingId, by, reason, until, ZoneOffset.UTC);
    }

    /**
     * Accepts the risk through the end of {@code until} in the zone the person typed it in: the day is kept as typed
     * and shown as typed, and the acceptance ends when that day ends there.
     *
     * @return the audit entry that records it
     * @throws IllegalArgumentException with a sentence, when the finding, the reason or the date will not do
     */
    @Transactional
    public AuditEntry accept(String findingId, String by, String reason, LocalDate until, java.time.ZoneId zone) {
        Instant now = clock.instant();
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Give the reason the risk is accepted (--reason).");
        }
        if (!until.isAfter(LocalDate.ofInstant(now, zone))) {
            throw new IllegalArgumentException("--until " + until + " is not in the future: give the last day the"
                    + " acceptance holds.");
        }
        Finding finding = findings.find(findingId);
        if (finding == null) {
            throw new IllegalArgumentException(FindingStore.unknownId(findingId));
        }
        if (finding.status() == FindingStatus.RESOLVED) {
            throw new IllegalArgumentException("Finding " + findingId + " is resolved: there is no risk left to accept.");
        }
        // A reason is typed by a person and may name a patient; it is kept masked like everything else.
        String masked = masking.maskText(reason.strip());
        Instant end = until.plusDays(1).atStartOfDay(zone).toInstant();
        findings.acceptRisk(findingId, by, masked, until, zone, now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", FindingStatus.ACCEPTED_RISK.name());
        after.put("by", by);
        after.put("reason", masked);
        after.put("through", until.toString());
        after.put("zone", zone.getId());
        after.put("until", end.toString());
        return audit.append(new AuditEvent(by, findingId, "accept-risk", null,
                JSON.writeValueAsString(Map.of("status", finding.status().name())), JSON.writeValueAsString(after),
                "applied"));
    }
}
