package org.ward.connector.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox between the notification endpoint and the drive refreshes. A notification is a row before Graph gets
 * its 202; the row goes only in the transaction that ends its drive's refresh, so a process killed in between leaves
 * it for the next one. Each drive is refreshed by one worker at a time in the whole deployment: the worker holds its
 * drive's row in {@code ward_change_drive} with {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 alike)
 * for as long as the refresh runs, on a connection of its own; if the process dies the lock goes with it.
 */
@Repository
public class ChangeOutbox {

    /** Why a drive is to be refreshed. */
    public enum Kind {
        /** Graph notified a change to the drive's content (or, with security webhooks, its permissions). */
        CHANGE,
        /** Graph asks for the subscription to be reauthorized; changes while paused are lost, so the drive is resynced. */
        REAUTHORIZATION_REQUIRED,
        /** Graph removed the subscription: it is recreated and the drive resynced. */
        SUBSCRIPTION_REMOVED,
        /** Graph lost notifications: the drive is resynced. */
        MISSED,
        /** Ward resyncs the drive itself (a new subscription, downtime). */
        RESYNC
    }

    /** A change to record. */
    public record NewChange(String driveId, String subscriptionId, Kind kind) {
    }

    /** A recorded change. */
    public record Change(long id, String driveId, String subscriptionId, Kind kind, Instant receivedAt) {
    }

    /** A drive waiting for its refresh: how many changes, and since when. */
    public record PendingDrive(String driveId, long changes, Instant oldest) {
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ChangeOutbox(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(tx);
    }

    /**
     * Records changes in one transaction: when this returns they survive a crash. Then tells whoever listens (this
     * instance's processor), so the drives are taken when due rather than at the next look at the outbox.
     */
    public void add(List<NewChange> changes, Instant receivedAt) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(receivedAt);
        transactions.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO ward_change (drive_id, subscription_id, kind, received_at) VALUES (?, ?, ?, ?)",
                changes.stream().map(c -> new Object[] {c.driveId(), c.subscriptionId(), c.kind().name(), at}).toList()));
        listeners.forEach(listener -> listener.accept(receivedAt));
    }

    private final List<java.util.function.Consumer<Instant>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Calls {@code listener} with the arrival time of each set of changes recorded from now on. */
    public void whenAdded(java.util.function.Consumer<Instant> listener) {
        listeners.add(listener);
    }

    /** Asks for these drives to be resynced through delta. */
    public void resync(Collection<String> driveIds, Instant now) {
        add(driveIds.stream().map(d -> new NewChange(d, null, Kind.RESYNC)).toList(), now);
    }

    /**
     * Drives with changes waiting, oldest first: those whose oldest change arrived at or before {@code settledBefore}
     * (later ones are left to gather the rest of a burst) and that are not waiting out a failure.
     */
    public List<PendingDrive> due(Instant settledBefore, Instant now, int limit) {
        return jdbc.query("SELECT c.drive_id, COUNT(*), MIN(c.received_at) FROM ward_change c"
                + " LEFT JOIN ward_change_drive d ON d.drive_id = c.drive_id"
                + " WHERE d.retry_at IS NULL OR d.retry_at <= ?"
                + " GROUP BY c.drive_id HAVING MIN(c.received_at) <= ? ORDER BY MIN(c.received_at), c.drive_id",
                (rs, n) -> new PendingDrive(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()),
                Timestamp.from(now), Timestamp.from(settledBefore)).stream().limit(limit).toList();
    }

    /** How many changes wait, and the oldest's arrival (null when none). */
    public PendingDrive backlog() {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(received_at) FROM ward_change", (rs, n) -> {
            Timestamp oldest = rs.getTimestamp(2);
            return new PendingDrive(null, rs.getLong(1), oldest == null ? null : oldest.toInstant());
        });
    }

    /** The drives that failed their last refresh, with why. */
    public List<String> failingDrives() {
        return jdbc.queryForList("SELECT drive_id FROM ward_change_drive WHERE failures > 0 ORDER BY drive_id", String.class);
    }

    /**
     * Takes the drive for a refresh, with every change recorded for it so far; empty when another worker (here or in
     * another instance) has it. Close the claim in all cases: {@link Claim#complete} deletes the changes it took,
     * anything else hands them back.
     */
    public Optional<Claim> claim(String driveId) {
        ensureLockRow(driveId);
        Connection connection = null;
        int failures;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT failures FROM ward_change_drive WHERE drive_id = ? FOR UPDATE SKIP LOCKED")) {
                lock.setString(1, driveId);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        connection.rollback();
                        connection.close();
                        return Optional.empty();
                    }
                    failures = rs.getInt(1);
                }
            }
            List<Change> changes = new ArrayList<>();
            try (PreparedStatement read = connection.prepareStatement("SELECT change_id, subscription_id, kind, received_at"
                    + " FROM ward_change WHERE drive_id = ? ORDER BY change_id")) {
                read.setString(1, driveId);
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Change(rs.getLong(1), driveId, rs.getString(2), Kind.valueOf(rs.getString(3)),
                                rs.getTimestamp(4).toInstant()));
                    }
                }
            }
            return Optional.of(new Claim(connection, driveId, List.copyOf(changes), failures));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessResourceFailureException("Ward could not take drive " + driveId + " for a refresh: "
                    + e.getMessage(), e);
        }
    }

    private void ensureLockRow(String driveId) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM ward_change_drive WHERE drive_id = ?", Integer.class,
                driveId);
        if (known != null && known == 0) {
            try {
                jdbc.update("INSERT INTO ward_change_drive (drive_id, failures) VALUES (?, 0)", driveId);
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // Another worker made it first: the row is what matters.
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // The connection is broken already; the pool discards it.
            }
        }
    }

    /** One drive taken for a refresh, and the changes it covers. */
    public static final class Claim implements AutoCloseable {

        private final Connection connection;
        private final String driveId;
        private final List<Change> changes;
        private final int failures;
        private boolean closed;

        private Claim(Connection connection, String driveId, List<Change> changes, int failures) {
            this.connection = connection;
            this.driveId = driveId;
            this.changes = changes;
            this.failures = failures;
        }

        /** How many refreshes of the drive failed in a row before this one. */
        public int failuresSoFar() {
            return failures;
        }

        public String driveId() {
            return driveId;
        }

        /** Every change recorded for the drive when it was taken; those arriving later wait for the next refresh. */
        public List<Change> changes() {
            return changes;
        }

        /** The refresh covered these changes: they go, and the drive's failures are forgotten. */
        public void complete(Instant now) {
            long last = changes.stream().mapToLong(Change::id).max().orElse(0);
            finish("DELETE FROM ward_change WHERE drive_id = ? AND change_id <= ?", last,
                    "UPDATE ward_change_drive SET refreshed_at = ?, failures = 0, retry_at = NULL, last_error = NULL"
                            + " WHERE drive_id = ?", now, null);
        }

        /** The refresh failed: the changes stay, and the drive waits until {@code retryAt}. */
        public void failed(String why, Instant retryAt) {
            String clipped = why == null ? null : why.length() > 2000 ? why.substring(0, 1997) + "..." : why;
            finish(null, 0, "UPDATE ward_change_drive SET failures = failures + 1, retry_at = ?, last_error = ?"
                    + " WHERE drive_id = ?", retryAt, clipped);
        }

        private void finish(String delete, long last, String update, Instant at, String error) {
            try {
                if (delete != null) {
                    try (PreparedStatement statement = connection.prepareStatement(delete)) {
                        statement.setString(1, driveId);
                        statement.setLong(2, last);
                        statement.executeUpdate();
                    }
                }
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    statement.setTimestamp(1, Timestamp.from(at));
                    if (error != null || delete == null) {
                        statement.setString(2, error);
                        statement.setString(3, driveId);
                    } else {
                        statement.setString(2, driveId);
                    }
                    statement.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                throw new DataAccessResourceFailureException("Ward could not finish the refresh of drive " + driveId + ": "
                        + e.getMessage(), e);
            } finally {
                close();
            }
        }

        /** Hands the drive back untouched unless it was completed or failed. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                closeQuietly(connection);
            }
        }
    }
}
