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
 * their written form (lower-case severity and status, ISO-8601 UTC times) and masked. JSON and CSV share it, so
 * their fields cannot drift apart.
 */
final class FindingFields {

    static final List<String> NAMES = List.of("id", "type", "severity", "ruleId", "status", "title", "reasons",
            "classification", "siteId", "driveId", "itemId", "itemRef", "webUrl", "path", "owner", "firstSeen", "lastSeen",
            "resolvedAt", "acceptedBy", "acceptedReason", "acceptedUntil", "acceptedUntilZone", "details");

    private FindingFields() {
    }

    /**
     * The fields of one finding; reasons stay a list, details and the classification evidence maps (CSV writes the
     * evidence as one sentence, {@link #classificationText}).
     */
    static Map<String, Object> of(Finding f, MaskedText masked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", masked.text(f.id()));
        out.put("type", f.type().name());
        out.put("severity", f.severity().yamlName());
        out.put("ruleId", masked.text(f.ruleId()));
        out.put("status", status(f.status()));
        out.put("title", masked.text(f.title()));
        out.put("reasons", masked.tree(f.reasons()));
        out.put("classification", f.classification().map(e -> masked.tree(e.toMap())).orElse(null));
        out.put("siteId", masked.text(f.resource().siteId()));
        out.put("driveId", masked.text(f.resource().driveId()));
        out.put("itemId", masked.text(f.resource().itemId()));
        out.put("itemRef", f.resource().itemRef());
        out.put("webUrl", masked.url(f.resource().webUrl()));
        out.put("path", masked.text(f.resource().path()));
        out.put("owner", masked.text(f.owner()));
        out.put("firstSeen", time(f.firstSeen()));
        out.put("lastSeen", time(f.lastSeen()));
        out.put("resolvedAt", time(f.resolvedAt()));
        out.put("acceptedBy", masked.text(f.acceptedBy()));
        out.put("acceptedReason", masked.text(f.acceptedReason()));
        out.put("acceptedUntil", acceptedThrough(f));
        out.put("acceptedUntilZone", f.acceptedLastDayZone());
        out.put("details", masked.tree(f.otherDetails()));
        return out;
    }

    /** The classification evidence as one readable line, for a spreadsheet cell; "" for a finding about no recording. */
    static String classificationText(Finding f, MaskedText masked) {
        return f.classification().map(e -> masked.text(e.summary())).orElse("");
    }

    /** The last day a risk acceptance holds, as it was typed ("2027-03-31"). */
    static String acceptedThrough(Finding f) {
        return f.acceptedLastDay() == null ? null : f.acceptedLastDay().toString();
    }

    /** "open", "resolved", "accepted-risk". */
    static String status(FindingStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** ISO-8601 in UTC ("2026-01-05T10:30:00Z"), null stays null. */
    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
