package org.ward.connector.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.classify.RetentionClock;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.KindLabels;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.recordings.RecordingsCatalogue;

/**
 * The records manager's list of disposition candidates: every recording an open RECORDING_PAST_RETENTION finding
 * says is kept past its retention period (or past its review date, for event-based labels) — the item, its label, the
 * period, what starts it, and how far past it is. Ward deletes nothing: disposing of a recording is the records
 * manager's decision. Patient identifiers are masked, as in every report.
 */
public final class DispositionReport {

    /** The columns, in order, as CSV and JSON name them. */
    public static final List<String> COLUMNS = List.of("findingId", "place", "path", "kind", "retentionLabel",
            "requiredLabel", "retentionPeriod", "trigger", "reviewDate", "overdueBy", "overdueDays", "owner");

    private final MaskedText masked;
    private final PolicyPack policy;

    public DispositionReport(IdentifierMasking masking, PolicyPack policy) {
        this.masked = new MaskedText(masking);
        this.policy = policy;
    }

    /**
     * One row per disposition candidate, most overdue first.
     *
     * @param places each finding's place name, by site id
     */
    public List<Map<String, Object>> rows(List<Finding> open, Map<String, String> places, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Finding f : open) {
            if (f.type() != RecordingsCatalogue.RECORDING_PAST_RETENTION) {
                continue;
            }
            Map<String, Object> d = f.details();
            String kind = text(d.get("kind"));
            LocalDate review = date(d.get("reviewDate"), d.get("expiredOn"));
            LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
            long days = review == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(review, today));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("findingId", f.id());
            row.put("place", masked.text(places.getOrDefault(f.resource().siteId(), f.resource().webUrl())));
            row.put("path", masked.text(f.resource().path()));
            row.put("kind", kind);
            row.put("retentionLabel", masked.text(text(d.get("retentionLabel")).isEmpty() ? "none" : text(d.get("retentionLabel"))));
            row.put("requiredLabel", Optional.ofNullable(policy.labels().forKind(kind).orElse(null)).map(KindLabels::retentionLabel)
                    .orElse(""));
            row.put("retentionPeriod", text(d.get("retentionPeriod")));
            row.put("trigger", text(d.get("trigger")).isEmpty() ? "created" : text(d.get("trigger")));
            row.put("reviewDate", review == null ? "" : review.toString());
            row.put("overdueBy", review == null ? "" : RetentionClock.overdueText(Period.between(review, today), days));
            row.put("overdueDays", days);
            row.put("owner", masked.text(f.owner() == null ? "" : f.owner()));
            rows.add(row);
        }
        rows.sort(Comparator.comparingLong((Map<String, Object> r) -> (Long) r.get("overdueDays")).reversed()
                .thenComparing(r -> String.valueOf(r.get("path"))));
        return rows;
    }

    /** RFC 4180 CSV with a byte-order mark, as findings.csv is written. */
    public String csv(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(FindingsCsv.BOM).append(String.join(",", COLUMNS)).append("\r\n");
        for (Map<String, Object> row : rows) {
            out.append(COLUMNS.stream().map(c -> FindingsCsv.cell(String.valueOf(row.get(c)))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** A table for people: one line per candidate. */
    public List<String> table(List<Map<String, Object>> rows) {
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            lines.add(row.get("overdueBy") + " past " + ("created".equals(row.get("trigger")) ? "its retention period"
                    : "its review date") + "  " + row.get("place") + "  " + row.get("path"));
            lines.add("    " + row.get("kind") + "; label " + row.get("retentionLabel") + "; period " + row.get("retentionPeriod")
                    + " from " + row.get("trigger") + "; " + ("created".equals(row.get("trigger")) ? "expired " : "review date ")
                    + row.get("reviewDate") + "; owner " + (String.valueOf(row.get("owner")).isEmpty() ? "unknown" : row.get("owner"))
                    + "  (" + row.get("findingId") + ")");
        }
        return lines;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static LocalDate date(Object reviewDate, Object expiredOn) {
        if (reviewDate != null && !reviewDate.toString().isBlank()) {
            return LocalDate.parse(reviewDate.toString());
        }
        if (expiredOn != null && !"null".equals(expiredOn.toString())) {
            return Instant.parse(expiredOn.toString()).atZone(ZoneOffset.UTC).toLocalDate();
        }
        return null;
    }
}
