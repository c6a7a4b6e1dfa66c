package org.ward.connector.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ward.connector.database.ColumnText;

/**
 * The alerts outbox: alerts are queued here in the same database as the findings, then handed to their channels
 * (at-least-once: a crash between a channel taking an alert and the outbox marking it sent sends it again, with the
 * same event id). An event is queued at most once per channel, whatever replays it.
 */
@Repository
public class AlertOutbox {

    static final String PENDING = "PENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private final JdbcClient jdbc;

    public AlertOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues the alert for the channel; false when that event is already queued (or sent) there. */
    public boolean queue(Alert alert, String channel, Instant now) {
        Integer known = jdbc.sql("SELECT COUNT(*) FROM ward_alert_outbox WHERE event_key = ? AND channel = ?")
                .params(alert.eventId(), channel).query(Integer.class).single();
        if (known > 0) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO ward_alert_outbox (event_key, channel, kind, severity, payload_json, state, attempts, queued_at,
                    next_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                    .params(alert.eventId(), channel, alert.kind().name(), alert.severity(), AlertPayload.text(alert),
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Alerts whose time has come, oldest first. */
    public List<Queued> due(Instant now, int limit) {
        return jdbc.sql("SELECT alert_id, channel, payload_json, attempts FROM ward_alert_outbox WHERE state = 'PENDING'"
                + " AND next_at <= ? ORDER BY alert_id FETCH FIRST " + limit + " ROWS ONLY").param(Timestamp.from(now))
                .query((rs, n) -> new Queued(rs.getLong(1), rs.getString(2), AlertPayload.read(rs.getString(3)),
                        rs.getInt(4)))
                .list();
    }

    public void sent(long alertId, Instant now) {
        jdbc.sql("UPDATE ward_alert_outbox SET state = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL"
                + " WHERE alert_id = ?").params(Timestamp.from(now), alertId).update();
    }

    /** A failed attempt: tried again at {@code next}, or given up ({@code next} null) and reported. */
    public void attemptFailed(long alertId, String error, Instant next) {
        String why = ColumnText.fit(error, 4000);
        if (next == null) {
            jdbc.sql("UPDATE ward_alert_outbox SET attempts = attempts + 1, last_error = ?, state = 'FAILED' WHERE alert_id = ?")
                    .params(why, alertId).update();
        } else {
            jdbc.sql("UPDATE ward_alert_outbox SET attempts = attempts + 1, last_error = ?, next_at = ? WHERE alert_id = ?")
                    .params(why, Timestamp.from(next), alertId).update();
        }
    }

    /** Not tried now (quiet hours, the channel's cap, the channel failing this round): waits until {@code next}. */
    public void defer(long alertId, Instant next) {
        jdbc.sql("UPDATE ward_alert_outbox SET next_at = ? WHERE alert_id = ?").params(Timestamp.from(next), alertId)
                .update();
    }

    /** How many alerts the channel sent since then, and the first of them (when the cap frees a place). */
    public Optional<Instant> firstSentSince(String channel, Instant since, int count) {
        List<Instant> sent = jdbc.sql("SELECT sent_at FROM ward_alert_outbox WHERE channel = ? AND state = 'SENT' AND"
                + " sent_at > ? ORDER BY sent_at").params(channel, Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
        return sent.size() < count ? Optional.empty() : Optional.of(sent.get(0));
    }

    /** Per channel: sent, waiting and failed alerts and the last error, for health, metrics and the summary. */
    public List<ChannelHealth> health() {
        return jdbc.sql("""
                SELECT channel, SUM(CASE WHEN state = 'SENT' THEN 1 ELSE 0 END),
                SUM(CASE WHEN state = 'PENDING' THEN 1 ELSE 0 END), SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END),
                MAX(CASE WHEN state <> 'SENT' THEN last_error END)
                FROM ward_alert_outbox GROUP BY channel ORDER BY channel""")
                .query((rs, n) -> new ChannelHealth(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getString(5)))
                .list();
    }

    /** The alerts sent on a channel, oldest first (for ward alerts and tests). */
    public List<Alert> sentOn(String channel) {
        return jdbc.sql("SELECT payload_json FROM ward_alert_outbox WHERE channel = ? AND state = 'SENT' ORDER BY alert_id")
                .param(channel).query((rs, n) -> AlertPayload.read(rs.getString(1))).list();
    }

    public long cursor(String name) {
        return jdbc.sql("SELECT last_id FROM ward_alert_cursor WHERE cursor_name = ?").param(name).query(Long.class).optional()
                .orElse(0L);
    }

    public void moveCursor(String name, long value) {
        int updated = jdbc.sql("UPDATE ward_alert_cursor SET last_id = ? WHERE cursor_name = ?").params(value, name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ward_alert_cursor (cursor_name, last_id) VALUES (?, ?)").params(name, value).update();
        }
    }

    /**
     * An alert waiting for its channel.
     *
     * @param alertId its row
     * @param channel the channel's name
     * @param alert the alert, masked
     * @param attempts attempts so far
     */
    public record Queued(long alertId, String channel, Alert alert, int attempts) {
    }

    /**
     * A channel's record.
     *
     * @param channel its name
     * @param sent alerts it took
     * @param waiting alerts waiting (retries included)
     * @param failed alerts given up after every attempt
     * @param lastError the last error of an alert not sent, or null
     */
    public record ChannelHealth(String channel, int sent, int waiting, int failed, String lastError) {

        public boolean failing() {
            return failed > 0 || lastError != null;
        }
    }
}
