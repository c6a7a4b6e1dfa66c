package org.ward.connector.runs;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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
     */
    public record ScanRun(long scanId, String tenantId, String policyId, String policyHash, Instant startedAt,
            Instant finishedAt, String status, int drives, long items, long recordings, long graphRequests,
            long resourceUnits, long throttled, List<String> gaps) {
    }

    public long start(String tenantId, String policyId, String policyHash, long jobExecutionId, Instant now) {
        jdbc.sql("INSERT INTO ward_scan (job_execution_id, tenant_id, policy_id, policy_hash, started_at, status)"
                + " VALUES (?, ?, ?, ?, ?, 'RUNNING')")
                .params(jobExecutionId, tenantId, policyId, policyHash, Timestamp.from(now)).update();
        return jdbc.sql("SELECT MAX(scan_id) FROM ward_scan").query(Long.class).single();
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

    /** Replaces the scan's coverage gaps (what could not be discovered or evaluated, and why). */
    public void gaps(long scanId, List<String> gaps) {
        jdbc.sql("UPDATE ward_scan SET gaps = ? WHERE scan_id = ?").params(String.join("\n", gaps), scanId).update();
    }

    public void finish(long scanId, String status, int drives, long items, long recordings, long requests, long units,
            long throttled, Instant now) {
        jdbc.sql("UPDATE ward_scan SET status = ?, finished_at = ?, drives = ?, items = ?, recordings = ?,"
                + " graph_requests = ?, resource_units = ?, throttled = ? WHERE scan_id = ?")
                .params(status, Timestamp.from(now), drives, items, recordings, requests, units, throttled, scanId).update();
    }

    public void failed(long scanId, Instant now) {
        jdbc.sql("UPDATE ward_scan SET status = 'FAILED', finished_at = ? WHERE scan_id = ? AND status = 'RUNNING'")
                .params(Timestamp.from(now), scanId).update();
    }

    public Optional<ScanRun> find(long scanId) {
        return jdbc.sql("SELECT * FROM ward_scan WHERE scan_id = ?").param(scanId).query((rs, n) -> {
            String gaps = rs.getString("gaps");
            Timestamp finished = rs.getTimestamp("finished_at");
            return new ScanRun(rs.getLong("scan_id"), rs.getString("tenant_id"), rs.getString("policy_id"),
                    rs.getString("policy_hash"), rs.getTimestamp("started_at").toInstant(),
                    finished == null ? null : finished.toInstant(), rs.getString("status"), rs.getInt("drives"),
                    rs.getLong("items"), rs.getLong("recordings"), rs.getLong("graph_requests"), rs.getLong("resource_units"),
                    rs.getLong("throttled"), gaps == null || gaps.isEmpty() ? List.of() : List.of(gaps.split("\n")));
        }).optional();
    }

    /** The last completed scan before the given one, if any. */
    public Optional<ScanRun> previousCompleted(long scanId) {
        return jdbc.sql("SELECT MAX(scan_id) FROM ward_scan WHERE scan_id < ? AND status = 'COMPLETED'").param(scanId)
                .query(Long.class).optional().flatMap(this::find);
    }

    /** Adds coverage gaps to a scan's list. */
    public void addGaps(long scanId, List<String> more) {
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
}
