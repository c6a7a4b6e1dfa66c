package org.ward.connector.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.ward.rules.Catalogues;
import org.ward.rules.identity.Anomaly;
import org.ward.rules.identity.Evidence;
import org.ward.rules.identity.UserBaseline;
import org.ward.rules.policy.FindingType;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * What the identity checks keep between runs: the sign-in cursor, each user's small baseline, and the sign-in
 * anomalies whose events are still inside the sliding window. Saved together, so a run that stops half way leaves
 * the last complete run's state.
 */
@Repository
public class IdentityStore {

    private static final String CURSOR = "signIns";
    /** Anomalies keep their finding type by name, read back through the catalogues. */
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new SimpleModule("finding-types")
            .addDeserializer(FindingType.class, new ValueDeserializer<FindingType>() {
                @Override
                public FindingType deserialize(JsonParser parser, DeserializationContext context) {
                    return Catalogues.valueOf(parser.getText());
                }
            })).build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public IdentityStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<SignInCursor> cursor() {
        return jdbc.sql("SELECT last_event_at, boundary_ids, source FROM ward_signin_cursor WHERE cursor_id = ?")
                .param(CURSOR).query((rs, n) -> {
                    String ids = rs.getString(2);
                    return new SignInCursor(rs.getTimestamp(1).toInstant(), ids == null || ids.isEmpty()
                            ? java.util.Set.of() : new LinkedHashSet<>(Arrays.asList(ids.split(","))), rs.getString(3));
                }).optional();
    }

    /** Every user's baseline, by user key. */
    public Map<String, UserBaseline> baselines() {
        Map<String, UserBaseline> out = new HashMap<>();
        jdbc.sql("SELECT * FROM ward_signin_user").query((rs, n) -> baseline(rs)).list()
                .forEach(b -> out.put(b.userId(), b));
        return out;
    }

    /** Anomalies whose newest sign-in is at or after the given time. */
    public List<Anomaly> anomalies(Instant since) {
        return jdbc.sql("SELECT anomaly_json FROM ward_identity_anomaly WHERE occurred_at >= ? ORDER BY anomaly_key")
                .param(Timestamp.from(since)).query((rs, n) -> JSON.readValue(rs.getString(1), Anomaly.class)).list();
    }

    /**
     * Records a completed read of the sign-in log.
     *
     * @param cursor where it stopped
     * @param baselines every user's baseline after it
     * @param found the anomalies it found, merged into those kept
     * @param windowStart anomalies older than this leave the window and are forgotten
     * @return the anomalies inside the window after the merge
     */
    @Transactional
    public List<Anomaly> save(SignInCursor cursor, Map<String, UserBaseline> baselines, Collection<Anomaly> found,
            Instant windowStart) {
        int updated = jdbc.sql("UPDATE ward_signin_cursor SET last_event_at = ?, boundary_ids = ?, source = ?, updated_at = ?"
                + " WHERE cursor_id = ?").params(Timestamp.from(cursor.lastEventAt()), String.join(",", cursor.boundaryIds()),
                cursor.source(), Timestamp.from(Instant.now()), CURSOR).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ward_signin_cursor (cursor_id, last_event_at, boundary_ids, source, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)").params(CURSOR, Timestamp.from(cursor.lastEventAt()),
                    String.join(",", cursor.boundaryIds()), cursor.source(), Timestamp.from(Instant.now())).update();
        }
        jdbc.sql("DELETE FROM ward_signin_user").update();
        List<Object[]> rows = new ArrayList<>();
        for (UserBaseline b : baselines.values()) {
            rows.add(new Object[] {b.userId(), b.upn(), b.displayName(),
                b.lastSuccess() == null ? null : JSON.writeValueAsString(b.lastSuccess()), b.lastLatitude(),
                b.lastLongitude(), countries(b.countries())});
        }
        batch.batchUpdate("INSERT INTO ward_signin_user (user_key, upn, display_name, last_success_json, last_latitude,"
                + " last_longitude, countries) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.sql("DELETE FROM ward_identity_anomaly WHERE occurred_at < ?").param(Timestamp.from(windowStart)).update();
        Map<String, Anomaly> kept = new TreeMap<>();
        anomalies(windowStart).forEach(a -> kept.put(a.key(), a));
        for (Anomaly a : found) {
            if (a.occurredAt().isBefore(windowStart)) {
                continue;
            }
            Anomaly merged = kept.containsKey(a.key()) ? kept.get(a.key()).merge(a) : a;
            kept.put(a.key(), merged);
            jdbc.sql("DELETE FROM ward_identity_anomaly WHERE anomaly_key = ?").param(a.key()).update();
            jdbc.sql("INSERT INTO ward_identity_anomaly (anomaly_key, type, occurred_at, anomaly_json) VALUES (?, ?, ?, ?)")
                    .params(a.key(), a.type().name(), Timestamp.from(merged.occurredAt()), JSON.writeValueAsString(merged))
                    .update();
        }
        return List.copyOf(kept.values());
    }

    private static String countries(Map<String, Instant> countries) {
        StringBuilder out = new StringBuilder();
        countries.forEach((c, t) -> out.append(out.length() == 0 ? "" : ";").append(c).append('=').append(t));
        return out.toString();
    }

    private static UserBaseline baseline(ResultSet rs) throws SQLException {
        Map<String, Instant> countries = new HashMap<>();
        String text = rs.getString("countries");
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split(";")) {
                int eq = pair.indexOf('=');
                countries.put(pair.substring(0, eq), Instant.parse(pair.substring(eq + 1)));
            }
        }
        String last = rs.getString("last_success_json");
        double lat = rs.getDouble("last_latitude");
        Double latitude = rs.wasNull() ? null : lat;
        double lon = rs.getDouble("last_longitude");
        Double longitude = rs.wasNull() ? null : lon;
        return new UserBaseline(rs.getString("user_key"), rs.getString("upn"), rs.getString("display_name"),
                last == null ? null : JSON.readValue(last, Evidence.class), latitude, longitude, countries);
    }
}
