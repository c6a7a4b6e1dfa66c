package org.ward.connector.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;

/**
 * A finding as the report files carry it: the contract's field names in the contract's order, values already in
 * their written form (lower-case severity and status, ISO-8601 UTC times) and masked. JSON, CSV and the evidence
 * pack's workbook share it, so their fields cannot drift apart.
 */
public final class FindingFields {

    public static final List<String> NAMES = List.of("id", "type", "severity", "ruleId", "status", "title", "reasons",
            "siteId", "driveId", "itemId", "webUrl", "path", "owner", "firstSeen", "lastSeen", "resolvedAt",
            "acceptedBy", "acceptedReason", "acceptedUntil", "details");

    private FindingFields() {
    }

    /** The fields of one finding; reasons stay a list and details a map. */
    public static Map<String, Object> of(Finding f, MaskedText masked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", masked.text(f.id()));
        out.put("type", f.type().name());
        out.put("severity", f.severity().yamlName());
        out.put("ruleId", masked.text(f.ruleId()));
        out.put("status", status(f.status()));
        out.put("title", masked.text(f.title()));
        out.put("reasons", masked.tree(f.reasons()));
        out.put("siteId", masked.text(f.resource().siteId()));
        out.put("driveId", masked.text(f.resource().driveId()));
        out.put("itemId", masked.text(f.resource().itemId()));
        out.put("webUrl", masked.url(f.resource().webUrl()));
        out.put("path", masked.text(f.resource().path()));
        out.put("owner", masked.text(f.owner()));
        out.put("firstSeen", time(f.firstSeen()));
        out.put("lastSeen", time(f.lastSeen()));
        out.put("resolvedAt", time(f.resolvedAt()));
        out.put("acceptedBy", masked.text(f.acceptedBy()));
        out.put("acceptedReason", masked.text(f.acceptedReason()));
        out.put("acceptedUntil", time(f.acceptedUntil()));
        out.put("details", masked.tree(f.details()));
        return out;
    }

    /** "open", "resolved", "accepted-risk". */
    public static String status(FindingStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** ISO-8601 in UTC ("2026-01-05T10:30:00Z"), null stays null. */
    public static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
