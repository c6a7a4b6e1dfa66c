package org.ward.connector.protect;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Repository;
import org.ward.connector.protect.LabelChange.Kind;
import org.ward.connector.protect.LabelChange.State;
import org.ward.rules.facts.ItemKey;

/**
 * {@code ward_label_change}: every label change ward protect made, and the durable queue of sensitivity labels waiting
 * for their turn under the tenant's cap. A restart finds the queue as it was left: queued rows wait, submitted jobs are
 * polled again, and a row caught while Ward was asking Graph is settled by reading the file's label first.
 */
@Repository
public class LabelChanges {

    private static final String COLUMNS = "change_id, kind, drive_id, item_id, finding_id, path, label_name, label_id,"
            + " label_before, before_id, state, decision, reason, monitor_url, actor, queued_at, submitted_at, finished_at, next_at, attempts";

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    /**
     * Every write commits on its own, whatever transaction the caller is in (a scan step's is one long transaction): a
     * row marked as asked of Graph must survive a crash that follows, or the file would be asked for twice.
     */
    public LabelChanges(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private int write(String sql, Object... params) {
        Integer rows = own.execute(status -> jdbc.sql(sql).params(params).update());
        return rows == null ? 0 : rows;
    }

    /** Records a retention label Ward applied, or Graph refused, just now. */
    public long recordRetention(ItemKey item, String findingId, String path, String label, String before, State state,
            String reason, String actor, Instant at) {
        return insert(Kind.RETENTION, item, findingId, path, label, null, before, null, state, null, reason, actor, at, at, at);
    }

    /**
     * Records what an applying run decided about a label it did not change (left as it is, an unsupported type, a cloud
     * without the API), so the next run before a scan takes the decision as it stands instead of asking Graph again.
     */
    public long recordDecision(Kind kind, ItemKey item, String findingId, String path, String label, String labelId,
            String before, State state, String decision, String reason, String actor, Instant at) {
        return insert(kind, item, findingId, path, label, labelId, before, null, state, decision, reason, actor, at, null, at);
    }

    /** The latest change of this kind for the file that ended after {@code since}, if any. */
    public Optional<LabelChange> endedSince(Kind kind, ItemKey item, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_label_change WHERE kind = ? AND drive_id = ? AND item_id = ?"
                + " AND finished_at > ? ORDER BY change_id DESC FETCH FIRST 1 ROWS ONLY")
                .params(kind.column(), item.driveId(), item.itemId(), at(since)).query((rs, n) -> row(rs)).optional();
    }

    /** Queues a sensitivity label, unless the file already has one queued or under way. */
    public boolean enqueue(ItemKey item, String findingId, String path, String label, String labelId, String before,
            String beforeId, String actor, Instant at) {
        if (!active(Kind.SENSITIVITY, item).isEmpty()) {
            return false;
        }
        insert(Kind.SENSITIVITY, item, findingId, path, label, labelId, before, beforeId, State.QUEUED, "QUEUE", null, actor,
                at, null, null);
        return true;
    }

    private long insert(Kind kind, ItemKey item, String findingId, String path, String label, String labelId, String before,
            String beforeId, State state, String decision, String reason, String actor, Instant queued, Instant submitted,
            Instant finished) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        own.executeWithoutResult(status -> jdbc.sql("INSERT INTO ward_label_change (kind, drive_id, item_id, finding_id,"
                + " path, label_name, label_id, label_before, before_id, state, decision, reason, actor, queued_at,"
                + " submitted_at, finished_at, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(kind.column(), item.driveId(), item.itemId(), findingId, path, label, labelId, before, beforeId,
                        state.words(), decision, reason, actor, at(queued), at(submitted), at(finished),
                        submitted == null ? 0 : 1)
                .update(keys, "change_id"));
        return keys.getKey().longValue();
    }

    /** The file's changes of this kind that are queued or under way. */
    public List<LabelChange> active(Kind kind, ItemKey item) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_label_change WHERE kind = ? AND drive_id = ? AND item_id = ?"
                + " AND state IN ('queued', 'submitting', 'submitted') ORDER BY change_id")
                .params(kind.column(), item.driveId(), item.itemId()).query((rs, n) -> row(rs)).list();
    }

    /** Sensitivity changes in a state, oldest first. */
    public List<LabelChange> inState(State state) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_label_change WHERE kind = 'sensitivity' AND state = ?"
                + " ORDER BY change_id").param(state.words()).query((rs, n) -> row(rs)).list();
    }

    /** The next queued sensitivity label that is due, if any. */
    public Optional<LabelChange> nextQueued(Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_label_change WHERE kind = 'sensitivity' AND state = 'queued'"
                + " AND (next_at IS NULL OR next_at <= ?) ORDER BY change_id FETCH FIRST 1 ROWS ONLY")
                .param(at(now)).query((rs, n) -> row(rs)).optional();
    }

    /** The sensitivity calls Graph was asked in the window ending now: how many, and the first and last. */
    public record Window(long calls, Instant first, Instant last) {
    }

    public Window window(Instant now, Duration length) {
        return jdbc.sql("SELECT COUNT(*), MIN(submitted_at), MAX(submitted_at) FROM ward_label_change"
                + " WHERE kind = 'sensitivity' AND submitted_at > ?").param(at(now.minus(length)))
                .query((rs, n) -> new Window(rs.getLong(1), instant(rs, 2), instant(rs, 3))).single();
    }

    /**
     * Claims a queued row for asking Graph now; it counts against the cap from this moment. False when another Ward
     * process claimed it first, so no file is asked for twice.
     */
    public boolean submitting(long id, Instant now) {
        return write("UPDATE ward_label_change SET state = 'submitting', submitted_at = ?, attempts = attempts + 1,"
                + " next_at = NULL WHERE change_id = ? AND state = 'queued'", at(now), id) == 1;
    }

    public void submitted(long id, String monitorUrl, Instant nextPoll) {
        write("UPDATE ward_label_change SET state = 'submitted', monitor_url = ?, next_at = ? WHERE change_id = ?",
                monitorUrl, at(nextPoll), id);
    }

    /** Back in the queue; {@code counted} false when Graph did not take the call (it does not count against the cap). */
    public void requeue(long id, Instant notBefore, boolean counted) {
        write("UPDATE ward_label_change SET state = 'queued', monitor_url = NULL, next_at = ?"
                + (counted ? "" : ", submitted_at = NULL") + " WHERE change_id = ?", at(notBefore), id);
    }

    public void pollAgainAt(long id, Instant next) {
        write("UPDATE ward_label_change SET next_at = ? WHERE change_id = ?", at(next), id);
    }

    /** Records a row's end; the monitor URL, a credential for that one job, is dropped. */
    public void finish(long id, State state, String reason, Instant at) {
        write("UPDATE ward_label_change SET state = ?, reason = ?, finished_at = ?, monitor_url = NULL, next_at = NULL"
                + " WHERE change_id = ?", state.words(), reason, at(at), id);
    }

    /** Ends every queued sensitivity label the same way (metering not enabled, not in this cloud). */
    public List<LabelChange> finishQueued(State state, String reason, Instant at) {
        List<LabelChange> queued = inState(State.QUEUED);
        queued.forEach(change -> finish(change.id(), state, reason, at));
        return queued;
    }

    public Optional<LabelChange> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_label_change WHERE change_id = ?").param(id)
                .query((rs, n) -> row(rs)).optional();
    }

    /** Every change, oldest first (for reports and tests). */
    public List<LabelChange> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_label_change ORDER BY change_id").query((rs, n) -> row(rs)).list();
    }

    /** How many sensitivity changes are in each state. */
    public Map<State, Long> sensitivityCounts() {
        return jdbc.sql("SELECT state FROM ward_label_change WHERE kind = 'sensitivity'").query(String.class).list().stream()
                .collect(Collectors.groupingBy(State::of, () -> new java.util.EnumMap<>(State.class), Collectors.counting()));
    }

    private static LabelChange row(ResultSet rs) throws SQLException {
        return new LabelChange(rs.getLong("change_id"), Kind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                new ItemKey(rs.getString("drive_id"), rs.getString("item_id")), rs.getString("finding_id"),
                rs.getString("path"), rs.getString("label_name"), rs.getString("label_id"), rs.getString("label_before"),
                rs.getString("before_id"), State.of(rs.getString("state")), rs.getString("decision"), rs.getString("reason"),
                rs.getString("monitor_url"), rs.getString("actor"),
                instant(rs, "queued_at"), instant(rs, "submitted_at"), instant(rs, "finished_at"), instant(rs, "next_at"),
                rs.getInt("attempts"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
