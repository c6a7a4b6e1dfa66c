package org.ward.connector.findings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.ward.connector.database.ColumnText;
import org.ward.rules.Catalogues;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Severity;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The findings register. A scan hands over everything it found; the store updates findings it knows (same stable
 * id), opens new ones, resolves those of the scanned types that were not found again, reopens accepted risks whose
 * acceptance expired, and records every transition as an event.
 */
@Repository
public class FindingStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXPIRED_NOTE = "risk acceptance expired";

    private final JdbcClient jdbc;
    private final IdentifierMasking masking;

    public FindingStore(JdbcClient jdbc, IdentifierMasking masking) {
        this.jdbc = jdbc;
        this.masking = masking;
    }

    /** A title, path or URL as stored: patient identifiers masked (sites, groups and files can be named after one). */
    private String shown(String text, int column) {
        return ColumnText.fit(masking.maskText(text), column);
    }

    private Map<String, Object> maskedValues(Map<String, Object> details) {
        if (details == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        details.forEach((key, value) -> out.put(key, masked(value)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object masked(Object value) {
        if (value instanceof String text) {
            return masking.maskText(text);
        }
        if (value instanceof Map<?, ?> map) {
            return maskedValues((Map<String, Object>) map);
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(this::masked).toList();
        }
        return value;
    }

    /**
     * Reconciles one scan's findings of the given types with the register, in one go.
     *
     * @param drafts what the scan found
     * @param types the finding types this scan evaluated; open findings of other types are left alone
     * @param scanId the scan
     * @param now the scan's time
     * @return what changed
     */
    @Transactional
    public Reconciliation reconcile(Collection<FindingDraft> drafts, Set<FindingType> types, long scanId, Instant now) {
        Reconciler reconciler = reconciler(types, scanId, now);
        drafts.forEach(reconciler::add);
        return reconciler.finish();
    }

    /**
     * Starts a streaming reconciliation: add what the scan finds as it finds it (in batches, so memory does not grow
     * with the tenant), then {@link Reconciler#finish()} resolves what was not found again.
     */
    public Reconciler reconciler(Set<FindingType> types, long scanId, Instant now) {
        return new Reconciler(types, null, scanId, now);
    }

    /**
     * A reconciliation of one location only (ward serve re-evaluates a location when one of its drives changed):
     * {@link Reconciler#finish()} resolves the open findings of these types on that site that were not added, and
     * leaves every other site's findings alone.
     *
     * @param siteId the location
     * @param runId the run the events are recorded under
     */
    public Reconciler reconciler(Set<FindingType> types, String siteId, long runId, Instant now) {
        return new Reconciler(types, java.util.Objects.requireNonNull(siteId), runId, now);
    }

    /** A reconciliation in progress. Not thread-safe: one per evaluating thread. */
    public final class Reconciler {

        private static final int BATCH = 500;

        private final Set<FindingType> types;
        private final String siteId;
        private final long scanId;
        private final Instant now;
        private final Map<String, FindingDraft> pending = new LinkedHashMap<>();
        private final Set<String> added = new HashSet<>();
        private final List<String> opened = new ArrayList<>();
        private final List<String> reopened = new ArrayList<>();

        private Reconciler(Set<FindingType> types, String siteId, long scanId, Instant now) {
            this.types = Set.copyOf(types);
            this.siteId = siteId;
            this.scanId = scanId;
            this.now = now;
        }

        public void add(FindingDraft draft) {
            if (siteId != null) {
                added.add(draft.findingId());
            }
            pending.putIfAbsent(draft.findingId(), draft);
            if (pending.size() >= BATCH) {
                flush();
            }
        }

        private void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Map<String, String> known = new LinkedHashMap<>();
            String marks = String.join(",", java.util.Collections.nCopies(pending.size(), "?"));
            jdbc.sql("SELECT finding_id, status FROM ward_finding WHERE finding_id IN (" + marks + ")")
                    .params(new ArrayList<>(pending.keySet()))
                    .query((rs, n) -> known.put(rs.getString(1), rs.getString(2))).list();
            for (FindingDraft draft : pending.values()) {
                String id = draft.findingId();
                String status = known.get(id);
                if (status == null) {
                    insert(draft, scanId, now);
                    event(id, now, "OPENED", null, null, scanId);
                    opened.add(id);
                } else {
                    String next = status;
                    if (FindingStatus.RESOLVED.name().equals(status)) {
                        next = FindingStatus.OPEN.name();
                        event(id, now, "REOPENED", null, "found again", scanId);
                        reopened.add(id);
                    }
                    update(draft, next, scanId, now);
                }
            }
            pending.clear();
        }

        /** Resolves the open findings of the evaluated types this scan did not find again. */
        public Reconciliation finish() {
            flush();
            List<String> resolved = new ArrayList<>();
            if (!types.isEmpty()) {
                String marks = String.join(",", java.util.Collections.nCopies(types.size(), "?"));
                List<Object> params = new ArrayList<>();
                if (siteId == null) {
                    params.add(scanId);
                    types.forEach(t -> params.add(t.name()));
                    resolved.addAll(jdbc.sql("SELECT finding_id FROM ward_finding WHERE status <> 'RESOLVED' AND last_scan < ?"
                            + " AND type IN (" + marks + ")").params(params).query(String.class).list());
                } else {
                    // Scans that ran meanwhile may have seen a finding later than this run: what counts is what this
                    // evaluation of the site added.
                    params.add(siteId);
                    types.forEach(t -> params.add(t.name()));
                    jdbc.sql("SELECT finding_id FROM ward_finding WHERE status <> 'RESOLVED' AND site_id = ?"
                            + " AND type IN (" + marks + ")").params(params).query(String.class).list().stream()
                            .filter(id -> !added.contains(id)).forEach(resolved::add);
                }
            }
            String why = siteId == null ? "not found by the scan" : "no longer found after a change to the location";
            for (String id : resolved) {
                jdbc.sql("UPDATE ward_finding SET status = 'RESOLVED', resolved_at = ? WHERE finding_id = ?")
                        .params(Timestamp.from(now), id).update();
                event(id, now, "RESOLVED", null, why, scanId);
            }
            List<String> expired = reopenExpiredAcceptances(now, scanId);
            return new Reconciliation(opened, reopened, resolved, expired);
        }
    }

    /** Accepted risks whose acceptance has run out are open again. */
    @Transactional
    public List<String> reopenExpiredAcceptances(Instant now, long scanId) {
        List<String> ids = jdbc.sql("SELECT finding_id FROM ward_finding WHERE status = 'ACCEPTED_RISK' AND accepted_until < ?")
                .param(Timestamp.from(now)).query(String.class).list();
        for (String id : ids) {
            jdbc.sql("UPDATE ward_finding SET status = 'OPEN' WHERE finding_id = ?").param(id).update();
            event(id, now, "REOPENED", null, EXPIRED_NOTE, scanId);
        }
        return ids;
    }

    /**
     * Marks a finding accepted-risk: who, why, and the last day it holds — as typed, in the zone it was typed in.
     *
     * @param through the last day the acceptance holds
     * @param zone the time zone the day was typed in; the acceptance ends at the start of the next day there
     */
    @Transactional
    public void acceptRisk(String findingId, String by, String reason, java.time.LocalDate through, java.time.ZoneId zone,
            Instant now) {
        Instant until = through.plusDays(1).atStartOfDay(zone).toInstant();
        int updated = jdbc.sql("UPDATE ward_finding SET status = 'ACCEPTED_RISK', accepted_by = ?, accepted_reason = ?,"
                + " accepted_until = ?, accepted_through = ?, accepted_zone = ? WHERE finding_id = ? AND status <> 'RESOLVED'")
                .params(shown(by, 400), shown(reason, 4000), Timestamp.from(until), through,
                        zone.getId(), findingId).update();
        if (updated == 0) {
            throw new IllegalArgumentException("No open finding " + findingId + ".");
        }
        event(findingId, now, "ACCEPTED_RISK", shown(by, 400), shown(reason + " (through " + through + ", " + zone.getId()
                + ")", 4000), null);
    }

    public List<Finding> all() {
        return jdbc.sql("SELECT * FROM ward_finding ORDER BY type, finding_id").query((rs, n) -> finding(rs)).list();
    }

    public List<Finding> open() {
        return jdbc.sql("SELECT * FROM ward_finding WHERE status <> 'RESOLVED' ORDER BY type, finding_id")
                .query((rs, n) -> finding(rs)).list();
    }

    /**
     * The sentence for an id no finding has. Only an id shaped like a finding's is repeated: what else a person typed
     * there (a patient's NHS number pasted into the wrong field) is not written to a terminal or a scheduler's log.
     */
    public static String unknownId(String findingId) {
        return findingId != null && findingId.matches("F-[0-9a-f]{16}")
                ? "No finding has the id '" + findingId + "': ward findings lists them."
                : "That is not a finding id (an id is F- and 16 hex digits, e.g. F-1faca857bc88869c): ward findings lists"
                        + " them.";
    }

    public Finding find(String findingId) {
        return jdbc.sql("SELECT * FROM ward_finding WHERE finding_id = ?").param(findingId)
                .query((rs, n) -> finding(rs)).optional().orElse(null);
    }

    /**
     * The findings' lifecycle events after an event id, oldest first, at most {@code limit}: what alerting reads to
     * raise one alert per event (a scan, a notification or a command that changed a finding all record one).
     */
    public List<LifecycleEvent> eventsAfter(long eventId, int limit) {
        return jdbc.sql("SELECT event_id, finding_id, event, note, at FROM ward_finding_event WHERE event_id > ?"
                + " ORDER BY event_id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY").param(eventId)
                .query((rs, n) -> new LifecycleEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** Whether the note of a REOPENED event says an accepted risk ran out (rather than the finding being found again). */
    public static boolean acceptanceExpired(LifecycleEvent event) {
        return "REOPENED".equals(event.event()) && EXPIRED_NOTE.equals(event.note());
    }

    /**
     * One lifecycle event of a finding.
     *
     * @param eventId its id, increasing
     * @param findingId the finding
     * @param event OPENED, REOPENED, RESOLVED or ACCEPTED_RISK
     * @param note why, or null
     * @param at when
     */
    public record LifecycleEvent(long eventId, String findingId, String event, String note, Instant at) {
    }

    /** Ids of findings first found by the given scan. */
    public Set<String> firstFoundBy(long scanId) {
        return new HashSet<>(jdbc.sql("SELECT finding_id FROM ward_finding WHERE first_scan = ?").param(scanId)
                .query(String.class).list());
    }

    private void insert(FindingDraft d, long scanId, Instant now) {
        jdbc.sql("""
                INSERT INTO ward_finding (finding_id, type, severity, rule_id, status, title, reasons_json, site_id, drive_id,
                item_id, web_url, path, owner, details_json, first_seen, last_seen, first_scan, last_scan)
                VALUES (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.findingId(), d.type().name(), d.severity().name(), d.ruleId(), shown(d.title(), 2000),
                        json(d.reasons().stream().map(masking::maskText).toList()), d.resource().siteId(),
                        d.resource().driveId(), d.resource().itemId(), shown(d.resource().webUrl(), 8000),
                        shown(d.resource().path(), 8000), shown(d.owner(), 4000), json(maskedValues(d.details())),
                        Timestamp.from(now), Timestamp.from(now), scanId, scanId)
                .update();
    }

    private void update(FindingDraft d, String status, long scanId, Instant now) {
        jdbc.sql("""
                UPDATE ward_finding SET severity = ?, rule_id = ?, status = ?, title = ?, reasons_json = ?, site_id = ?,
                drive_id = ?, item_id = ?, web_url = ?, path = ?, owner = ?, details_json = ?, last_seen = ?, last_scan = ?,
                resolved_at = NULL WHERE finding_id = ?""")
                .params(d.severity().name(), d.ruleId(), status, shown(d.title(), 2000),
                        json(d.reasons().stream().map(masking::maskText).toList()), d.resource().siteId(),
                        d.resource().driveId(), d.resource().itemId(), shown(d.resource().webUrl(), 8000),
                        shown(d.resource().path(), 8000), shown(d.owner(), 4000), json(maskedValues(d.details())),
                        Timestamp.from(now), scanId, d.findingId())
                .update();
    }

    private void event(String findingId, Instant at, String event, String actor, String note, Long scanId) {
        jdbc.sql("INSERT INTO ward_finding_event (finding_id, at, event, actor, note, scan_id) VALUES (?, ?, ?, ?, ?, ?)")
                .params(findingId, Timestamp.from(at), event, actor, note, scanId).update();
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        List<String> reasons = JSON.readValue(rs.getString("reasons_json"), new TypeReference<List<String>>() { });
        String detailsText = rs.getString("details_json");
        Map<String, Object> details = detailsText == null ? Map.of()
                : JSON.readValue(detailsText, new TypeReference<LinkedHashMap<String, Object>>() { });
        return new Finding(rs.getString("finding_id"), Catalogues.valueOf(rs.getString("type")),
                Severity.valueOf(rs.getString("severity")), rs.getString("rule_id"),
                FindingStatus.valueOf(rs.getString("status")), rs.getString("title"), reasons,
                new FindingResource(rs.getString("site_id"), rs.getString("drive_id"), rs.getString("item_id"),
                        rs.getString("web_url"), rs.getString("path")),
                rs.getString("owner"), details, instant(rs, "first_seen"), instant(rs, "last_seen"),
                instant(rs, "resolved_at"), rs.getString("accepted_by"), rs.getString("accepted_reason"),
                instant(rs, "accepted_until"), date(rs, "accepted_through"), rs.getString("accepted_zone"));
    }

    private static java.time.LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, java.time.LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /**
     * What a reconciliation changed.
     *
     * @param opened new findings
     * @param reopened findings that had been resolved and were found again
     * @param resolved findings no longer found
     * @param acceptanceExpired accepted risks open again because their acceptance ran out
     */
    public record Reconciliation(List<String> opened, List<String> reopened, List<String> resolved,
            List<String> acceptanceExpired) {
    }
}
