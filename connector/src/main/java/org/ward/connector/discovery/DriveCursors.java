package org.ward.connector.discovery;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ward.connector.graph.GraphSettings;

/**
 * Each drive's committed delta cursor, with the policy it was read under: a cursor read under another policy is
 * not reused, because the stored classification would be stale. The cursor is kept on the drive's row, which
 * discovery owns.
 */
@Repository
public class DriveCursors {

    private final JdbcClient jdbc;
    private final String graphBase;

    public DriveCursors(JdbcClient jdbc, GraphSettings settings) {
        this.jdbc = jdbc;
        this.graphBase = settings.endpoints().baseUrl().toString();
    }

    public void save(String driveId, String deltaLink, String policyHash) {
        jdbc.sql("UPDATE ward_drive SET delta_link = ?, policy_hash = ?, cursor_updated_at = ? WHERE drive_id = ?")
                .params(deltaLink, policyHash, Timestamp.from(Instant.now()), driveId).update();
    }

    /**
     * The stored deltaLink, or null when the drive must be enumerated in full: never read, read under another policy,
     * or read from another Graph endpoint (a cursor only means something to the service that issued it).
     */
    public String deltaLink(String driveId, String policyHash) {
        String link = jdbc.sql("SELECT delta_link FROM ward_drive WHERE drive_id = ? AND policy_hash = ?")
                .params(driveId, policyHash).query(String.class).optional().orElse(null);
        return link != null && link.startsWith(graphBase) ? link : null;
    }
}
