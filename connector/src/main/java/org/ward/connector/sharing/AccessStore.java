package org.ward.connector.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.ward.connector.sharing.collect.PermissionReader.ItemKey;
import org.ward.rules.sharing.AccessGrant;
import org.ward.rules.sharing.GroupMember;

/**
 * Who can reach each recording, as last read from Graph, and when each recording's permissions were read — so
 * that a scan re-reads only the items whose sharing may have changed.
 */
@Repository
public class AccessStore {

    private final JdbcTemplate jdbc;

    public AccessStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces an item's grants with what Graph just said. */
    public void replace(ItemKey item, List<AccessGrant> grants, long scanId) {
        jdbc.update("DELETE FROM ward_access WHERE drive_id = ? AND item_id = ?", item.driveId(), item.itemId());
        List<Object[]> rows = new ArrayList<>();
        for (AccessGrant g : grants) {
            rows.add(new Object[] {item.driveId(), item.itemId(), g.permissionId(), String.join(",", g.roles()), g.kind().name(),
                g.principalId(), g.principalName(), g.principalLogin(), g.principalEmail(), g.guest(), g.linkScope(),
                g.linkType(), null, g.expiresAt() == null ? null : Timestamp.from(g.expiresAt()), g.hasPassword(),
                g.inheritedFrom(), String.join("\n", g.recipients()), scanId});
        }
        jdbc.batchUpdate("INSERT INTO ward_access (drive_id, item_id, permission_id, roles, principal_kind, principal_id,"
                + " principal_name, principal_login, principal_email, principal_guest, link_scope, link_type, link_url,"
                + " expires_at, has_password, inherited_from, recipients, read_scan) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?)", rows);
        int updated = jdbc.update("UPDATE ward_access_state SET read_scan = ?, needs_read = FALSE WHERE drive_id = ? AND item_id = ?",
                scanId, item.driveId(), item.itemId());
        if (updated == 0) {
            jdbc.update("INSERT INTO ward_access_state (drive_id, item_id, read_scan, needs_read) VALUES (?, ?, ?, FALSE)",
                    item.driveId(), item.itemId(), scanId);
        }
    }

    /** Marks an item's permissions for reading on the next scan (delta said its sharing changed). */
    public void sharingChanged(String driveId, String itemId) {
        jdbc.update("UPDATE ward_access_state SET needs_read = TRUE WHERE drive_id = ? AND item_id = ?", driveId, itemId);
    }

    /** Marks every recording below a folder: a folder's sharing reaches what it contains. */
    public void sharingChangedBelow(String driveId, String folderPath) {
        jdbc.update("UPDATE ward_access_state SET needs_read = TRUE WHERE drive_id = ? AND item_id IN (SELECT item_id FROM"
                + " ward_item WHERE drive_id = ? AND path LIKE ?)", driveId, driveId, folderPath.replace("%", "\\%") + "/%");
    }

    /**
     * Recordings whose permissions must be read this scan.
     *
     * @param everything re-read every recording (no sharing-change reports, or a periodic full sweep)
     */
    public List<ItemKey> toRead(boolean everything, long scanId) {
        String sql = "SELECT i.drive_id, i.item_id FROM ward_item i LEFT JOIN ward_access_state s ON s.drive_id = i.drive_id"
                + " AND s.item_id = i.item_id WHERE i.recording = TRUE AND (s.item_id IS NULL OR s.needs_read = TRUE"
                + (everything ? " OR s.read_scan < " + scanId : "") + ") ORDER BY i.drive_id, i.item_id";
        return jdbc.query(sql, (rs, n) -> new ItemKey(rs.getString(1), rs.getString(2)));
    }

    /** Forgets access of items that are no longer recordings (deleted, or reclassified). */
    public void forgetNonRecordings() {
        jdbc.update("DELETE FROM ward_access WHERE NOT EXISTS (SELECT 1 FROM ward_item i WHERE i.drive_id = ward_access.drive_id"
                + " AND i.item_id = ward_access.item_id AND i.recording = TRUE)");
        jdbc.update("DELETE FROM ward_access_state WHERE NOT EXISTS (SELECT 1 FROM ward_item i WHERE i.drive_id ="
                + " ward_access_state.drive_id AND i.item_id = ward_access_state.item_id AND i.recording = TRUE)");
    }

    /** The stored grants of every recording, by item. */
    public Map<ItemKey, List<AccessGrant>> all() {
        Map<ItemKey, List<AccessGrant>> result = new HashMap<>();
        jdbc.query("SELECT * FROM ward_access ORDER BY drive_id, item_id, permission_id", rs -> {
            result.computeIfAbsent(new ItemKey(rs.getString("drive_id"), rs.getString("item_id")), k -> new ArrayList<>())
                    .add(grant(rs));
        });
        return result;
    }

    /** Group ids granted access to any recording. */
    public List<String> grantedGroups() {
        return jdbc.queryForList("SELECT DISTINCT principal_id FROM ward_access WHERE principal_kind = 'GROUP'", String.class);
    }

    public void replaceMembers(String groupId, List<GroupMember> members, long scanId) {
        jdbc.update("DELETE FROM ward_group_member WHERE group_id = ?", groupId);
        jdbc.batchUpdate("INSERT INTO ward_group_member (group_id, user_id, upn, display_name, guest, owner, read_scan)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", members.stream().map(m -> new Object[] {groupId, m.userId(), m.upn(),
                    m.displayName(), m.guest(), m.owner(), scanId}).toList());
    }

    /** Members per group, where Graph exposed them. */
    public Map<String, List<GroupMember>> members() {
        Map<String, List<GroupMember>> result = new HashMap<>();
        jdbc.query("SELECT * FROM ward_group_member", rs -> {
            result.computeIfAbsent(rs.getString("group_id"), k -> new ArrayList<>()).add(new GroupMember(
                    rs.getString("user_id"), rs.getString("upn"), rs.getString("display_name"), rs.getBoolean("guest"),
                    rs.getBoolean("owner")));
        });
        return result;
    }

    /** Whether the last full sweep of every recording's permissions is older than {@code cutoff} (or never ran). */
    public boolean lastFullSweepBefore(java.time.Instant cutoff) {
        java.sql.Timestamp last = jdbc.query("SELECT MAX(s.started_at) FROM ward_scan s WHERE s.scan_id IN"
                + " (SELECT scan_id FROM ward_sharing_sweep)", rs -> rs.next() ? rs.getTimestamp(1) : null);
        return last == null || last.toInstant().isBefore(cutoff);
    }

    public void sweptAt(long scanId) {
        jdbc.update("INSERT INTO ward_sharing_sweep (scan_id) VALUES (?)", scanId);
    }

    /** Groups that can reach recordings and whose membership was never read, or read before {@code cutoff}. */
    public List<String> groupsToRefresh(java.time.Instant cutoff) {
        return jdbc.queryForList("SELECT DISTINCT a.principal_id FROM ward_access a WHERE a.principal_kind = 'GROUP' AND NOT"
                + " EXISTS (SELECT 1 FROM ward_group_member m JOIN ward_scan s ON s.scan_id = m.read_scan WHERE m.group_id ="
                + " a.principal_id AND s.started_at >= ?)", String.class, Timestamp.from(cutoff));
    }

    public long countReadBy(long scanId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ward_access_state WHERE read_scan = ?", Long.class, scanId);
        return n == null ? 0 : n;
    }

    private static AccessGrant grant(ResultSet rs) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        Object password = rs.getObject("has_password");
        String recipients = rs.getString("recipients");
        return new AccessGrant(rs.getString("permission_id"), Arrays.asList(rs.getString("roles").split(",")),
                AccessGrant.Kind.valueOf(rs.getString("principal_kind")), rs.getString("principal_id"),
                rs.getString("principal_name"), rs.getString("principal_login"), rs.getString("principal_email"),
                rs.getBoolean("principal_guest"), rs.getString("link_scope"), rs.getString("link_type"),
                expires == null ? null : expires.toInstant(), password == null ? null : rs.getBoolean("has_password"),
                rs.getString("inherited_from"),
                recipients == null || recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split("\n")));
    }
}
