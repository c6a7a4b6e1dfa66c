package org.ward.connector.serve;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register of ward serve instances and when each was last alive, so that an instance starting after the whole
 * service was down knows for how long, and resyncs what Graph may have given up delivering.
 */
public class ServiceInstances {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String instanceId;

    public ServiceInstances(JdbcTemplate jdbc, Clock clock, String instanceId) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    public String instanceId() {
        return instanceId;
    }

    /** When any other instance was last seen alive; empty on the service's first start. */
    public Optional<Instant> lastSeenElsewhere() {
        Timestamp seen = jdbc.queryForObject("SELECT MAX(seen_at) FROM ward_serve_instance WHERE instance_id <> ?",
                Timestamp.class, instanceId);
        return Optional.ofNullable(seen).map(Timestamp::toInstant);
    }

    /** Records that this instance is alive. */
    public void alive() {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE ward_serve_instance SET seen_at = ? WHERE instance_id = ?", now, instanceId) == 0) {
            jdbc.update("INSERT INTO ward_serve_instance (instance_id, started_at, seen_at) VALUES (?, ?, ?)", instanceId, now,
                    now);
        }
    }

    /** Forgets instances not seen for a week (containers come and go with new names). */
    public void forgetOld() {
        jdbc.update("DELETE FROM ward_serve_instance WHERE seen_at < ?",
                Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(7))));
    }
}
