package org.ward.connector.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions ward serve holds, one row per watched drive, shared by every instance on the database: the
 * notification endpoint verifies client states against it, the upkeep creates, renews and recreates from it.
 */
@Repository
public class SubscriptionStore {

    /** Where a watched drive's subscription stands. */
    public enum State {
        /** Live and renewed in time. */
        ACTIVE,
        /** Graph asked for reauthorization; delivery pauses unless Ward reauthorizes. */
        REAUTHORIZATION_REQUIRED,
        /** Graph removed it (or it expired): the next upkeep creates a new one and resyncs the drive. */
        REMOVED,
        /** Creating or renewing it failed; retried with a growing wait. */
        FAILED
    }

    /**
     * One watched drive.
     *
     * @param driveId the drive
     * @param subscriptionId Graph's id, null while none exists
     * @param clientStateSha256 the SHA-256 of the subscription's client state
     * @param notificationUrl where the subscription posts
     * @param securityEvents whether it was created with Prefer: includesecuritywebhooks
     * @param state where it stands
     * @param expiresAt when Graph drops it unless renewed
     * @param createdAt when it was created
     * @param renewedAt when it was last renewed
     * @param verifiedAt when Graph last confirmed it has it (created, renewed or read)
     * @param failures failures in a row
     * @param failingSince when the failures in a row began, null when the last attempt succeeded
     * @param retryAt when a failed drive is tried again
     * @param lastError the last failure, in one sentence
     */
    public record Watched(String driveId, String subscriptionId, String clientStateSha256, String notificationUrl,
            boolean securityEvents, State state, Instant expiresAt, Instant createdAt, Instant renewedAt, Instant verifiedAt, int failures,
            Instant failingSince, Instant retryAt, String lastError) {
    }

    /** What the endpoint needs to accept a notification: the drive, and the digest to check the client state against. */
    public record Verifier(String driveId, String clientStateSha256) {
    }

    private final JdbcClient jdbc;

    public SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Watched> all() {
        return jdbc.sql("SELECT * FROM ward_subscription ORDER BY drive_id").query((rs, n) -> watched(rs)).list();
    }

    public Optional<Watched> find(String driveId) {
        return jdbc.sql("SELECT * FROM ward_subscription WHERE drive_id = ?").param(driveId).query((rs, n) -> watched(rs))
                .optional();
    }

    /** The verifiers of these subscription ids, for those Ward holds. */
    public Map<String, Verifier> verifiers(Collection<String> subscriptionIds) {
        Map<String, Verifier> found = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return found;
        }
        String marks = String.join(",", Collections.nCopies(subscriptionIds.size(), "?"));
        jdbc.sql("SELECT subscription_id, drive_id, client_state_sha256 FROM ward_subscription WHERE subscription_id IN ("
                + marks + ")").params(new ArrayList<>(subscriptionIds))
                .query((rs, n) -> found.put(rs.getString(1), new Verifier(rs.getString(2), rs.getString(3)))).list();
        return found;
    }

    /** Records a subscription Graph just created for the drive, replacing whatever the drive had. */
    public void created(String driveId, String subscriptionId, String clientStateSha256, String notificationUrl,
            boolean securityEvents, Instant expiresAt, Instant now) {
        int updated = jdbc.sql("""
                UPDATE ward_subscription SET subscription_id = ?, client_state_sha256 = ?, notification_url = ?,
                security_events = ?, state = 'ACTIVE', expires_at = ?, created_at = ?, renewed_at = NULL, verified_at = ?, failures = 0,
                failing_since = NULL, retry_at = NULL, last_error = NULL WHERE drive_id = ?""")
                .params(subscriptionId, clientStateSha256, notificationUrl, securityEvents, ts(expiresAt), ts(now), ts(now), driveId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO ward_subscription (drive_id, subscription_id, client_state_sha256, notification_url,
                    security_events, state, expires_at, created_at, verified_at, failures)
                    VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, 0)""")
                    .params(driveId, subscriptionId, clientStateSha256, notificationUrl, securityEvents, ts(expiresAt),
                            ts(now), ts(now))
                    .update();
        }
    }

    public void renewed(String subscriptionId, Instant expiresAt, Instant now) {
        jdbc.sql("UPDATE ward_subscription SET state = 'ACTIVE', expires_at = ?, renewed_at = ?, verified_at = ?,"
                + " failures = 0, failing_since = NULL, retry_at = NULL, last_error = NULL WHERE subscription_id = ?")
                .params(ts(expiresAt), ts(now), ts(now), subscriptionId).update();
    }

    /** Graph confirmed it still has the subscription. */
    public void verified(String subscriptionId, Instant now) {
        jdbc.sql("UPDATE ward_subscription SET verified_at = ? WHERE subscription_id = ?").params(ts(now), subscriptionId)
                .update();
    }

    /** Graph reauthorized it: delivery goes on. */
    public void reauthorized(String subscriptionId) {
        jdbc.sql("UPDATE ward_subscription SET state = 'ACTIVE', failures = 0, failing_since = NULL, retry_at = NULL,"
                + " last_error = NULL WHERE subscription_id = ?").param(subscriptionId).update();
    }

    public void reauthorizationRequired(String subscriptionId) {
        jdbc.sql("UPDATE ward_subscription SET state = 'REAUTHORIZATION_REQUIRED' WHERE subscription_id = ?"
                + " AND state = 'ACTIVE'").param(subscriptionId).update();
    }

    /** Graph no longer has the subscription (removed, expired, 404): the next upkeep recreates it. */
    public void removed(String subscriptionId, String why) {
        jdbc.sql("UPDATE ward_subscription SET state = 'REMOVED', last_error = ? WHERE subscription_id = ?")
                .params(clip(why), subscriptionId).update();
    }

    /** Creating or renewing failed: tried again at {@code retryAt}. */
    public void failed(String driveId, String why, Instant retryAt, Instant now) {
        int updated = jdbc.sql("UPDATE ward_subscription SET state = CASE WHEN subscription_id IS NULL OR state = 'REMOVED'"
                + " THEN 'FAILED' ELSE state END, failures = failures + 1, failing_since = COALESCE(failing_since, ?),"
                + " retry_at = ?, last_error = ? WHERE drive_id = ?")
                .params(ts(now), ts(retryAt), clip(why), driveId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ward_subscription (drive_id, state, failures, failing_since, retry_at, last_error)"
                    + " VALUES (?, 'FAILED', 1, ?, ?, ?)").params(driveId, ts(now), ts(retryAt), clip(why)).update();
        }
    }

    /** The drive is no longer watched. */
    public void forget(String driveId) {
        jdbc.sql("DELETE FROM ward_subscription WHERE drive_id = ?").param(driveId).update();
    }

    /** How many watched drives are in each state. */
    public Map<State, Long> countByState() {
        Map<State, Long> counts = new LinkedHashMap<>();
        for (State state : State.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("SELECT state, COUNT(*) FROM ward_subscription GROUP BY state")
                .query((rs, n) -> counts.put(State.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private static Watched watched(ResultSet rs) throws SQLException {
        return new Watched(rs.getString("drive_id"), rs.getString("subscription_id"), rs.getString("client_state_sha256"),
                rs.getString("notification_url"), rs.getBoolean("security_events"), State.valueOf(rs.getString("state")),
                instant(rs, "expires_at"), instant(rs, "created_at"), instant(rs, "renewed_at"), instant(rs, "verified_at"),
                rs.getInt("failures"),
                instant(rs, "failing_since"), instant(rs, "retry_at"), rs.getString("last_error"));
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
