package org.ward.connector.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit log ({@code ward_audit}). Ward only inserts: each entry takes the next id and the previous
 * entry's hash, in a transaction of its own. Two Ward processes appending at once both claim the same place; the
 * unique keys let one win and the other tries again on top of it, so the chain never forks.
 */
@Repository
public class AuditLog {

    private static final int ATTEMPTS = 20;
    private static final String COLUMNS = "audit_id, at, actor, finding_id, action, graph_request, before_json, after_json,"
            + " outcome, previous_hash, hash";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock wardClock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = wardClock;
    }

    /** Adds an entry at the end of the chain and returns it as stored. */
    public AuditEntry append(AuditEvent event) {
        DataIntegrityViolationException lost = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return ownTransaction.execute(status -> insertAfterHead(event));
            } catch (DataIntegrityViolationException raced) {
                lost = raced;
            }
        }
        throw new IllegalStateException("Could not add to the audit log: other writers kept taking its next place.", lost);
    }

    private AuditEntry insertAfterHead(AuditEvent e) {
        AuditEntry head = jdbc.sql("SELECT " + COLUMNS + " FROM ward_audit ORDER BY audit_id DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> entry(rs)).optional().orElse(null);
        long id = head == null ? 1 : head.id() + 1;
        String previous = head == null ? AuditChain.GENESIS : head.hash();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        AuditEntry unsealed = new AuditEntry(id, at, e.actor(), e.findingId(), e.action(), e.request(), e.before(), e.after(),
                e.outcome(), previous, null);
        AuditEntry sealed = new AuditEntry(id, at, e.actor(), e.findingId(), e.action(), e.request(), e.before(), e.after(),
                e.outcome(), previous, AuditChain.hash(unsealed));
        jdbc.sql("INSERT INTO ward_audit (" + COLUMNS + ", previous_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(sealed.id(), at.atOffset(ZoneOffset.UTC), sealed.actor(), sealed.findingId(), sealed.action(),
                        sealed.request(), sealed.before(), sealed.after(), sealed.outcome(), sealed.previousHash(),
                        sealed.hash(), head == null ? null : head.id())
                .update();
        return sealed;
    }

    /** Every entry, oldest first. */
    public List<AuditEntry> entries() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_audit ORDER BY audit_id").query((rs, n) -> entry(rs)).list();
    }

    /** The entries about one finding, oldest first. */
    public List<AuditEntry> entriesFor(String findingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_audit WHERE finding_id = ? ORDER BY audit_id").param(findingId)
                .query((rs, n) -> entry(rs)).list();
    }

    /** Walks the whole chain. */
    public AuditVerification verify() {
        return AuditChain.verify(entries());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("audit_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("finding_id"), rs.getString("action"), rs.getString("graph_request"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("outcome"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }
}
