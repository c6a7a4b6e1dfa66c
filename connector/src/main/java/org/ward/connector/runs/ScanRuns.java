package org.ward.connector.runs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.ward.connector.graph.GraphTraffic;

/** The register of scans: when, under which policy, how it ended, what it cost, and its coverage gaps. */
@Repository
public class ScanRuns {

    private final JdbcClient jdbc;

    public ScanRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One scan.
     *
     * @param scanId id
     * @param tenantId the tenant
     * @param policyId the policy pack
     * @param policyHash the pack's content hash
     * @param startedAt when
     * @param finishedAt when it ended, null while running
     * @param status RUNNING, COMPLETED or FAILED
     * @param drives drives inventoried
     * @param items items held after the scan
     * @param recordings patient recordings held after the scan
     * @param graphRequests Graph requests the scan made
     * @param resourceUnits resource units it spent
     * @param throttled requests Graph throttled
     * @param gaps what could not be discovered or evaluated, and why
     * @param retries requests Ward sent again (after throttling or a fault)
     * @param throttledWaitMillis how long Graph's throttling held every request back, end to end
     * @param faults faults met on the wire: broken connections, answers cut off or unreadable, 5xx
     * @param runs how many runs the scan took (an interrupted scan resumed adds one); the traffic figures are over all
     * @param incomplete why the result is incomplete (a check whose input could not be read did not run); empty when
     *     complete
     * @param tenantName the tenant's display name from /organization, null when it could not be read
     * @param verifiedDomains the tenant's verified domains from /organization, null when they could not be read
     */
    public record ScanRun(long scanId, String tenantId, String policyId, String policyHash, Instant startedAt,
            Instant finishedAt, String status, int drives, long items, long recordings, long graphRequests,
            long resourceUnits, long throttled, List<String> gaps, long retries, long throttledWaitMillis, long faults,
            int runs, List<String> incomplete, String tenantName, List<String> verifiedDomains) {

        public ScanRun {
            gaps = List.copyOf(gaps);
            incomplete = incomplete == null ? List.of() : List.copyOf(incomplete);
            verifiedDomains = verifiedDomains == null ? null : List.copyOf(verifiedDomains);
        }

        public ScanRun(long scanId, String tenantId, String policyId, String policyHash, Instant startedAt,
                Instant finishedAt, String status, int drives, long items, long recordings, long graphRequests,
                long resourceUnits, long throttled, List<String> gaps, long retries, long throttledWaitMillis, long faults,
                int runs, List<String> incomplete) {
            this(scanId, tenantId, policyId, policyHash, startedAt, finishedAt, status, drives, items, recordings,
                    graphRequests, resourceUnits, throttled, gaps, retries, throttledWaitMillis, faults, runs, incomplete,
                    null, null);
        }

        /** "Upwell Health Centre (7f1c…)": the name people know the tenant by, with its id; the id alone when unknown. */
        public String tenant() {
            return tenantName == null || tenantName.isBlank() ? tenantId : tenantName + " (" + tenantId + ")";
        }

        /** Whether every check the pack enables had its input: no finding is missing because a read failed. */
        public boolean complete() {
            return incomplete.isEmpty();
        }
    }

    public long start(String tenantId, String policyId, String policyHash, long jobExecutionId, Instant now) {
        // The id this insert generated: the highest id is another process's when ward identity starts a run beside it.
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ward_scan (job_execution_id, tenant_id, policy_id, policy_hash, started_at, status,"
                + " graph_requests, resource_units, throttled) VALUES (?, ?, ?, ?, ?, 'RUNNING', 0, 0, 0)")
                .params(jobExecutionId, tenantId, policyId, policyHash, Timestamp.from(now)).update(key, "scan_id");
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * Records a run of one capability outside a scan ({@code ward identity}). It takes an id from the scans' sequence,
     * so the findings it opens and resolves are ordered with scans', but it never counts as a completed scan.
     */
    public long startStandalone(String tenantId, String policyId, String policyHash, Instant now) {
        return start(tenantId, policyId, policyHash, 0L, now);
    }

    /**
     * Ends a standalone run with its coverage gaps.
     *
     * @param kind what ran, in capitals ("IDENTITY"): the run's status, which is never COMPLETED
     */
    public void finishStandalone(long runId, String kind, List<String> gaps, Instant now) {
        gaps(runId, gaps);
        jdbc.sql("UPDATE ward_scan SET status = ?, finished_at = ? WHERE scan_id = ?")
                .params(kind, Timestamp.from(now), runId).update();
    }

    /** The tenant's display name and verified domains, as /organization gave them at the start of the scan. */
    public void tenant(long scanId, String displayName, List<String> verifiedDomains) {
        jdbc.sql("UPDATE ward_scan SET tenant_name = ?, verified_domains = ? WHERE scan_id = ?")
                .params(displayName, verifiedDomains == null ? null : String.join("\n", verifiedDomains), scanId).update();
    }

    /** Replaces the scan's coverage gaps (what could not be discovered or evaluated, and why). */
    public void gaps(long scanId, List<String> gaps) {
        jdbc.sql("UPDATE ward_scan SET gaps = ? WHERE scan_id = ?").params(String.join("\n", gaps), scanId).update();
    }

    public void finish(long scanId, String status, int drives, long items, long recordings, Instant now) {
        jdbc.sql("UPDATE ward_scan SET status = ?, finished_at = ?, drives = ?, items = ?, recordings = ? WHERE scan_id = ?")
                .params(status, Timestamp.from(now), drives, items, recordings, scanId).update();
    }

    /**
     * Adds traffic to a scan's figures: they count every run of the scan, a resumed one included.
     *
     * @return whether the scan's row took them: false while the row is not there for this connection to see (the
     *     discovery step that creates it has not committed yet), so the caller keeps them for a later call
     */
    public boolean addTraffic(long scanId, GraphTraffic.Snapshot used) {
        return jdbc.sql("UPDATE ward_scan SET graph_requests = COALESCE(graph_requests, 0) + ?, resource_units ="
                + " COALESCE(resource_units, 0) + ?, throttled = COALESCE(throttled, 0) + ?, retries = retries + ?,"
                + " throttled_wait_ms = throttled_wait_ms + ?, faults = faults + ? WHERE scan_id = ?")
                .params(used.requests(), used.resourceUnits(), used.throttled(), used.retries(), used.throttledWaitMillis(),
                        used.faults(), scanId).update() > 0;
    }

    /** An interrupted scan is being resumed by another run. */
    public void resumed(long scanId) {
        jdbc.sql("UPDATE ward_scan SET runs = runs + 1 WHERE scan_id = ?").param(scanId).update();
    }

    /**
     * Records why a scan's result is incomplete: a check whose input could not be read did not run, so findings it
     * would have made may be missing. The scan's summary says so and {@code ward scan} does not exit 0.
     */
    public void incomplete(long scanId, List<String> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        find(scanId).ifPresent(run -> {
            List<String> all = new java.util.ArrayList<>(run.incomplete());
            reasons.stream().filter(r -> !all.contains(r)).forEach(all::add);
            jdbc.sql("UPDATE ward_scan SET incomplete = ? WHERE scan_id = ?").params(String.join("\n", all), scanId).update();
        });
    }

    public void failed(long scanId, Instant now) {
        jdbc.sql("UPDATE ward_scan SET status = 'FAILED', finished_at = ? WHERE scan_id = ? AND status = 'RUNNING'")
                .params(Timestamp.from(now), scanId).update();
    }

    public Optional<ScanRun> find(long scanId) {
        return jdbc.sql("SELECT * FROM ward_scan WHERE scan_id = ?").param(scanId).query((rs, n) -> {
            Timestamp finished = rs.getTimestamp("finished_at");
            return new ScanRun(rs.getLong("scan_id"), rs.getString("tenant_id"), rs.getString("policy_id"),
                    rs.getString("policy_hash"), rs.getTimestamp("started_at").toInstant(),
                    finished == null ? null : finished.toInstant(), rs.getString("status"), rs.getInt("drives"),
                    rs.getLong("items"), rs.getLong("recordings"), rs.getLong("graph_requests"), rs.getLong("resource_units"),
                    rs.getLong("throttled"), lines(rs.getString("gaps")), rs.getLong("retries"),
                    rs.getLong("throttled_wait_ms"), rs.getLong("faults"), rs.getInt("runs"), lines(rs.getString("incomplete")),
                    rs.getString("tenant_name"), rs.getString("verified_domains") == null ? null
                            : lines(rs.getString("verified_domains")));
        }).optional();
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** The last completed scan before the given one, if any. */
    public Optional<ScanRun> previousCompleted(long scanId) {
        return jdbc.sql("SELECT MAX(scan_id) FROM ward_scan WHERE scan_id < ? AND status = 'COMPLETED'").param(scanId)
                .query(Long.class).optional().flatMap(this::find);
    }

    /** Adds coverage gaps to a scan's list. */
    public synchronized void addGaps(long scanId, List<String> more) {
        if (more.isEmpty()) {
            return;
        }
        find(scanId).ifPresent(run -> {
            List<String> all = new java.util.ArrayList<>(run.gaps());
            all.addAll(more);
            gaps(scanId, all);
        });
    }

    /** When the latest of these scans started; empty when there are none. */
    public Optional<Instant> latestStart(Collection<Long> scanIds) {
        if (scanIds.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(",", Collections.nCopies(scanIds.size(), "?"));
        return jdbc.sql("SELECT MAX(started_at) FROM ward_scan WHERE scan_id IN (" + marks + ")").params(List.copyOf(scanIds))
                .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    /** The scans (and standalone runs) started at or after the given time. */
    public List<Long> startedSince(Instant since) {
        return jdbc.sql("SELECT scan_id FROM ward_scan WHERE started_at >= ?").param(Timestamp.from(since)).query(Long.class)
                .list();
    }

    /** The id of the latest tenant scan started (standalone runs are not scans), if any. */
    public java.util.OptionalLong latestScan() {
        Long id = jdbc.sql("SELECT MAX(scan_id) FROM ward_scan WHERE job_execution_id <> 0").query(Long.class).optional()
                .orElse(null);
        return id == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(id);
    }

    public Optional<ScanRun> latestCompleted() {
        return jdbc.sql("SELECT MAX(scan_id) FROM ward_scan WHERE status = 'COMPLETED'").query(Long.class).optional()
                .flatMap(this::find);
    }

    /** The latest completed scans, oldest first, at most {@code limit} of them: the evidence pack's history. */
    public List<ScanRun> recentCompleted(int limit) {
        List<Long> ids = new java.util.ArrayList<>(jdbc.sql("SELECT scan_id FROM ward_scan WHERE status = 'COMPLETED'"
                + " ORDER BY scan_id DESC").query(Long.class).list().stream().limit(limit).toList());
        Collections.reverse(ids);
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }
}
