package org.ward.connector.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.ward.connector.database.ColumnText;

/**
 * The append-only audit log ({@code ward_audit}). Ward only inserts: each entry takes the next id and the previous
 * entry's hash, in a transaction of its own, and is sealed with the keyed hash (HMAC with the audit key, which lives
 * outside the database); after each entry the day's chain head is written outside the database too. Two Ward
 * processes appending at once both claim the same place; the unique keys let one win and the other tries again on
 * top of it, so the chain never forks. Text, the actor's name included, is stored with patient identifiers masked and
 * cut to fit its column.
 */
public class AuditLog {

    private static final int ATTEMPTS = 20;
    private static final int ACTOR_CHARS = 400;
    private static final int TEXT_CHARS = 4000;
    private static final String COLUMNS = "audit_id, at, actor, finding_id, action, graph_request, before_json, after_json,"
            + " outcome, previous_hash, hash, chain, key_id";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final AuditKey key;
    private final AuditHeads heads;
    private final AuditTrigger trigger;
    private final UnaryOperator<String> masking;

    public AuditLog(DataSource dataSource, PlatformTransactionManager transactions, Clock wardClock, AuditKey key,
            AuditHeads heads, UnaryOperator<String> masking) {
        this.jdbc = JdbcClient.create(dataSource);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = wardClock;
        this.key = key;
        this.heads = heads;
        this.trigger = new AuditTrigger(dataSource);
        this.masking = masking;
    }

    /** Adds an entry at the end of the chain and returns it as stored. */
    public AuditEntry append(AuditEvent event) {
        DataIntegrityViolationException lost = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                AuditEntry sealed = ownTransaction.execute(status -> insertAfterHead(event));
                heads.record(sealed);
                return sealed;
            } catch (DataIntegrityViolationException raced) {
                lost = raced;
            }
        }
        throw new IllegalStateException("Could not add to the audit log: other writers kept taking its next place.", lost);
    }

    private AuditEntry insertAfterHead(AuditEvent e) {
        AuditEntry head = head().orElse(null);
        long id = head == null ? 1 : head.id() + 1;
        String previous = head == null ? AuditChain.GENESIS : head.hash();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // The actor is typed by a person (--by, --actor) and may name a patient or run past its column like any text.
        AuditEntry unsealed = new AuditEntry(id, at, ColumnText.fit(masking.apply(e.actor()), ACTOR_CHARS), e.findingId(),
                e.action(), ColumnText.fit(masking.apply(e.request()), TEXT_CHARS), masking.apply(e.before()),
                masking.apply(e.after()), ColumnText.fit(masking.apply(e.outcome()), TEXT_CHARS), previous, null,
                AuditChain.KEYED, key.id());
        AuditEntry sealed = new AuditEntry(id, at, unsealed.actor(), unsealed.findingId(), unsealed.action(),
                unsealed.request(), unsealed.before(), unsealed.after(), unsealed.outcome(), previous,
                AuditChain.keyed(unsealed, key), AuditChain.KEYED, key.id());
        jdbc.sql("INSERT INTO ward_audit (" + COLUMNS + ", previous_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(sealed.id(), at.atOffset(ZoneOffset.UTC), sealed.actor(), sealed.findingId(), sealed.action(),
                        sealed.request(), sealed.before(), sealed.after(), sealed.outcome(), sealed.previousHash(),
                        sealed.hash(), sealed.chain(), sealed.keyId(), head == null ? null : head.id())
                .update();
        return sealed;
    }

    /** The newest entry, if any. */
    Optional<AuditEntry> head() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ward_audit ORDER BY audit_id DESC FETCH FIRST 1 ROWS ONLY")
                .query((rs, n) -> entry(rs)).optional();
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
        return AuditChain.verify(entries(), key);
    }

    /**
     * Everything {@code ward audit --verify} checks: the chain with the audit key, the append-only triggers, and the
     * heads written down outside the database.
     */
    public AuditCheck check() {
        List<AuditEntry> entries = entries();
        AuditVerification chain = AuditChain.verify(entries, key);
        List<String> problems = new ArrayList<>();
        if (!chain.intact()) {
            problems.add("entry #" + chain.brokenAt() + " does not fit the chain, because " + chain.problem());
        }
        if (!trigger.present()) {
            problems.add("the trigger that keeps ward_audit append-only is missing or disabled, so rows could have been"
                    + " changed without trace (Ward recreates it at the next command that writes)");
        }
        problems.addAll(heads.check(entries));
        boolean unsealed = !entries.isEmpty() && entries.get(entries.size() - 1).chain() == AuditChain.UNKEYED;
        if (unsealed && heads.any()) {
            problems.add("the newest entry is chained with the old unkeyed hash although this log was sealed with the"
                    + " audit key before: it was rewritten");
        }
        return new AuditCheck(chain, problems, unsealed && !heads.any(), key.id(), heads.folder());
    }

    /** Whether the append-only triggers are in place; recreates them, and records that, when they are not. */
    boolean restoreTrigger() {
        if (trigger.present()) {
            return false;
        }
        trigger.restore();
        return true;
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("audit_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("finding_id"), rs.getString("action"), rs.getString("graph_request"),
                rs.getString("before_json"), rs.getString("after_json"), rs.getString("outcome"),
                rs.getString("previous_hash"), rs.getString("hash"), rs.getInt("chain"), rs.getString("key_id"));
    }
}
