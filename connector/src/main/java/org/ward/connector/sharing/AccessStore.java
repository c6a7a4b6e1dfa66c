package org.ward.connector.sharing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.ward.connector.database.ColumnText;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.sharing.AccessGrant;
import org.ward.rules.sharing.GroupMember;

/**
 * Who can reach each recording, as last read from Graph, and when each recording's permissions were read — so
 * that a scan re-reads only the items whose sharing may have changed.
 */
@Repository
public class AccessStore {

    private final JdbcTemplate jdbc;
    private final IdentifierMasking masking;

    public AccessStore(JdbcTemplate jdbc, IdentifierMasking masking) {
        this.jdbc = jdbc;
        this.masking = masking;
    }

    /**
     * Replaces an item's grants with what Graph just said. Names are stored with patient identifiers masked (a site's
     * groups are named after the site) and cut to fit their columns.
     */
    public void replace(ItemKey item, List<AccessGrant> grants, long scanId) {
        jdbc.update("DELETE FROM ward_access WHERE drive_id = ? AND item_id = ?", item.driveId(), item.itemId());
        List<Object[]> rows = new ArrayList<>();
        for (AccessGrant g : grants) {
            rows.add(new Object[] {item.driveId(), item.itemId(), g.permissionId(), String.join(",", g.roles()), g.kind().name(),
                g.principalId(), ColumnText.fit(masking.maskText(g.principalName()), 1000),
                ColumnText.fit(masking.maskText(g.principalLogin()), 1000), ColumnText.fit(g.principalEmail(), 400),
                g.guest(), g.linkScope(),
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

    /**
     * Forgets what Ward knew of an item's access when Graph's answer could not be read: it is not judged on stale grants
     * this scan, and is read again on the next.
     */
    public void unreadable(ItemKey item) {
        for (String table : List.of("ward_access", "ward_access_state")) {
            jdbc.update("DELETE FROM " + table + " WHERE drive_id = ? AND item_id = ?", item.driveId(), item.itemId());
        }
    }

    /** Marks an item's permissions for reading on the next scan (delta said its sharing changed). */
    public void sharingChanged(String driveId, String itemId) {
        jdbc.update("UPDATE ward_access_state SET needs_read = TRUE WHERE drive_id = ? AND item_id = ?", driveId, itemId);
    }

    /** Marks the recordings among these items for reading: a folder's sharing reaches what it contains. */
    public void sharingChanged(String driveId, List<String> itemIds) {
        jdbc.batchUpdate("UPDATE ward_access_state SET needs_read = TRUE WHERE drive_id = ? AND item_id = ?",
                itemIds.stream().map(id -> new Object[] {driveId, id}).toList());
    }

    /**
     * The recordings whose permissions must be read this scan: never read, marked, or — with {@code everything} — not
     * read by this scan.
     *
     * @param recordings every recording, in the order to read them
     * @param everything re-read every recording (no sharing-change reports, or a periodic full sweep)
     */
    public List<ItemKey> toRead(List<ItemKey> recordings, boolean everything, long scanId) {
        Map<ItemKey, long[]> states = new HashMap<>();
        // One location's recordings (ward serve) need only their drives' states, not the tenant's.
        Set<String> drives = new HashSet<>();
        recordings.forEach(k -> drives.add(k.driveId()));
        boolean few = !drives.isEmpty() && drives.size() <= 50;
        jdbc.query("SELECT drive_id, item_id, read_scan, needs_read FROM ward_access_state"
                + (few ? " WHERE drive_id IN (" + marks(drives) + ")" : ""), rs -> {
                    states.put(new ItemKey(rs.getString(1), rs.getString(2)), new long[] {rs.getLong(3), rs.getBoolean(4) ? 1 : 0});
                }, few ? drives.toArray() : new Object[0]);
        return recordings.stream().filter(key -> {
            long[] state = states.get(key);
            return state == null || state[1] == 1 || everything && state[0] < scanId;
        }).toList();
    }

    /** Forgets the access of items that are no longer recordings (deleted, or reclassified). */
    public void forgetAllBut(Set<ItemKey> recordings) {
        for (String table : List.of("ward_access", "ward_access_state")) {
            List<Object[]> gone = jdbc.query("SELECT DISTINCT drive_id, item_id FROM " + table,
                    (rs, n) -> new ItemKey(rs.getString(1), rs.getString(2))).stream().filter(k -> !recordings.contains(k))
                    .map(k -> new Object[] {k.driveId(), k.itemId()}).toList();
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE drive_id = ? AND item_id = ?", gone);
        }
    }

    /** The stored grants of every recording, by item. */
    public Map<ItemKey, List<AccessGrant>> all() {
        return grants(null);
    }

    /**
     * The stored grants of the recordings in these drives, by item; null for every drive.
     */
    public Map<ItemKey, List<AccessGrant>> grants(Collection<String> driveIds) {
        Map<ItemKey, List<AccessGrant>> result = new HashMap<>();
        String filter = driveIds == null ? "" : " WHERE drive_id IN (" + marks(driveIds) + ")";
        jdbc.query("SELECT * FROM ward_access" + filter + " ORDER BY drive_id, item_id, permission_id", rs -> {
            result.computeIfAbsent(new ItemKey(rs.getString("drive_id"), rs.getString("item_id")), k -> new ArrayList<>())
                    .add(grant(rs));
        }, driveIds == null ? new Object[0] : driveIds.toArray());
        return result;
    }

    /** Forgets the access of items in these drives that are no longer recordings (deleted, or reclassified). */
    public void forgetAllBut(Collection<String> driveIds, Set<ItemKey> recordings) {
        if (driveIds.isEmpty()) {
            return;
        }
        for (String table : List.of("ward_access", "ward_access_state")) {
            List<Object[]> gone = jdbc.query("SELECT DISTINCT drive_id, item_id FROM " + table + " WHERE drive_id IN ("
                    + marks(driveIds) + ")", (rs, n) -> new ItemKey(rs.getString(1), rs.getString(2)), driveIds.toArray())
                    .stream().filter(k -> !recordings.contains(k)).map(k -> new Object[] {k.driveId(), k.itemId()}).toList();
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE drive_id = ? AND item_id = ?", gone);
        }
    }

    private static String marks(Collection<?> values) {
        return String.join(",", Collections.nCopies(values.size(), "?"));
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

    /** The scans that re-read every recording's permissions. */
    public List<Long> sweepScans() {
        return jdbc.queryForList("SELECT scan_id FROM ward_sharing_sweep", Long.class);
    }

    public void sweptAt(long scanId) {
        jdbc.update("INSERT INTO ward_sharing_sweep (scan_id) VALUES (?)", scanId);
    }

    /** Groups that can reach recordings and whose membership none of the given (recent) scans read. */
    public List<String> groupsToRefresh(Collection<Long> recentScans) {
        return groupsToRefresh(null, recentScans);
    }

    /** The same, among the groups granted on recordings of these drives; null for every drive. */
    public List<String> groupsToRefresh(Collection<String> driveIds, Collection<Long> recentScans) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT DISTINCT a.principal_id FROM ward_access a WHERE a.principal_kind = 'GROUP'";
        if (driveIds != null) {
            if (driveIds.isEmpty()) {
                return List.of();
            }
            sql += " AND a.drive_id IN (" + marks(driveIds) + ")";
            params.addAll(driveIds);
        }
        if (!recentScans.isEmpty()) {
            sql += " AND NOT EXISTS (SELECT 1 FROM ward_group_member m WHERE m.group_id = a.principal_id"
                    + " AND m.read_scan IN (" + marks(recentScans) + "))";
            params.addAll(recentScans);
        }
        return jdbc.queryForList(sql, String.class, params.toArray());
    }

    /** Whether the permissions of any recording have been read. */
    public boolean anyRecorded() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ward_access", Long.class);
        return n != null && n > 0;
    }

    /**
     * A person named on recordings' own permissions, directly or as a member of a group that is.
     *
     * @param userId the user's object id
     * @param upn the e-mail or UPN
     * @param guest whether they are a guest
     * @param recordings how many recordings name them
     * @param throughGroup the group's name when named through one, null when named directly
     */
    public record Named(String userId, String upn, boolean guest, int recordings, String throughGroup) {
    }

    /**
     * People named on the recordings' own permissions (not inherited ones: site membership counts as that), directly or
     * through a group whose members Ward read, with how many recordings name them.
     */
    public List<Named> namedOn(Set<ItemKey> recordings) {
        Map<List<Object>, Set<ItemKey>> counted = new LinkedHashMap<>();
        jdbc.query("SELECT principal_id, principal_email, principal_guest, drive_id, item_id FROM ward_access"
                + " WHERE principal_kind = 'USER' AND inherited_from IS NULL ORDER BY principal_id, drive_id, item_id", rs -> {
                    ItemKey item = new ItemKey(rs.getString(4), rs.getString(5));
                    if (recordings.contains(item)) {
                        counted.computeIfAbsent(Arrays.asList(rs.getString(1), rs.getString(2), rs.getBoolean(3), null),
                                k -> new HashSet<>()).add(item);
                    }
                });
        jdbc.query("SELECT m.user_id, m.upn, m.guest, a.drive_id, a.item_id, a.principal_name FROM ward_access a"
                + " JOIN ward_group_member m ON m.group_id = a.principal_id WHERE a.principal_kind = 'GROUP'"
                + " AND a.inherited_from IS NULL ORDER BY m.user_id, a.principal_name, a.drive_id, a.item_id", rs -> {
                    ItemKey item = new ItemKey(rs.getString(4), rs.getString(5));
                    if (recordings.contains(item)) {
                        counted.computeIfAbsent(Arrays.asList(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                                rs.getString(6)), k -> new HashSet<>()).add(item);
                    }
                });
        List<Named> named = new ArrayList<>();
        counted.forEach((k, items) -> named.add(new Named((String) k.get(0), (String) k.get(1), (Boolean) k.get(2),
                items.size(), (String) k.get(3))));
        return named;
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
