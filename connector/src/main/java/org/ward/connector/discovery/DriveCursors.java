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
     * Saves the drive's cursor with its library's list-item cursor, read in the same round.
     *
     * @param list the library's list and where its list-item delta continues
     */
    public void save(String driveId, String deltaLink, ListCursor list, String policyHash) {
        jdbc.sql("UPDATE ward_drive SET delta_link = ?, policy_hash = ?, cursor_updated_at = ?, list_site_id = ?, list_id = ?,"
                + " list_delta_link = ? WHERE drive_id = ?").params(deltaLink, policyHash, Timestamp.from(Instant.now()),
                        list.siteId(), list.listId(), list.deltaLink(), driveId).update();
    }

    /**
     * Where a library's list-item delta stands.
     *
     * @param siteId the site in Graph's composite form
     * @param listId the library's list id
     * @param deltaLink the list-item deltaLink, or null when the next round must enumerate the list in full
     */
    public record ListCursor(String siteId, String listId, String deltaLink) {
    }

    /**
     * The library's list and its stored list-item deltaLink (null when never read, read under another policy or from
     * another endpoint), or null when Ward has never addressed the library as a list.
     */
    public ListCursor listCursor(String driveId, String policyHash) {
        return jdbc.sql("SELECT list_site_id, list_id, list_delta_link, policy_hash FROM ward_drive WHERE drive_id = ?")
                .param(driveId).query((rs, n) -> {
                    if (rs.getString(1) == null || rs.getString(2) == null) {
                        return null;
                    }
                    String link = rs.getString(3);
                    boolean usable = link != null && link.startsWith(graphBase) && policyHash.equals(rs.getString(4));
                    return new ListCursor(rs.getString(1), rs.getString(2), usable ? link : null);
                }).optional().orElse(null);
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
