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
 * Who can reach recordings, as last read from Graph. Ward keeps permission lists, each as Graph listed it for one
 * item: with Sites.FullControl.All, the roots of permission hierarchies delta marks (ward_permission_root) and each
 * library's root, and every other item's access is derived from its nearest root ({@link AccessTree}); without it,
 * each recording's own list. {@code ward_access_state} says whose list each is, where it stood when read and whether
 * it must be read again, so a scan re-reads only what may have changed.
 */
@Repository
public class AccessStore {

    /** A recording read item by item (no hierarchy known). */
    public static final String ITEM = "item";
    /** The root of a permission hierarchy delta marked. */
    public static final String ROOT = "root";
    /** A library's root: the site's own access. */
    public static final String DRIVE = "drive";

    private static final int IN_LIST = 500;

    private final JdbcTemplate jdbc;
    private final IdentifierMasking masking;

    public AccessStore(JdbcTemplate jdbc, IdentifierMasking masking) {
        this.jdbc = jdbc;
        this.masking = masking;
    }

    /**
     * An item delta delivered with a {@code shared} facet under hierarchical sharing: the root of a permission
     * hierarchy.
     *
     * @param itemId the item
     * @param scope the facet's scope, "" for an empty facet (unique, not shared)
     * @param folder whether it is a folder
     * @param sharingChanged whether delta annotated a sharing change
     */
    public record PermissionRoot(String itemId, String scope, boolean folder, boolean sharingChanged) {
    }

    /**
     * Records what one chunk of a drive's delta said about permission hierarchies: these items are roots, those are
     * not (they came without a facet, or were deleted). A root must be read again when it is new, when delta annotated
     * a sharing change, when its scope changed, or when it is a folder (Graph is reported to annotate files only,
     * microsoftgraph/msgraph-sdk-java#2548, so a folder that comes back may have changed).
     */
    public void permissionRootsSeen(String driveId, List<PermissionRoot> roots, Collection<String> notRoots, long scanId) {
        for (List<String> part : parts(notRoots)) {
            jdbc.update("DELETE FROM ward_permission_root WHERE drive_id = ? AND item_id IN (" + marks(part.size()) + ")",
                    prepend(driveId, part));
        }
        if (roots.isEmpty()) {
            return;
        }
        Map<String, String> stored = new HashMap<>();
        for (List<String> part : parts(roots.stream().map(PermissionRoot::itemId).toList())) {
            jdbc.query("SELECT item_id, scope FROM ward_permission_root WHERE drive_id = ? AND item_id IN ("
                    + marks(part.size()) + ")", rs -> {
                        stored.put(rs.getString(1), rs.getString(2));
                    }, prepend(driveId, part));
        }
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (PermissionRoot root : roots) {
            String before = stored.get(root.itemId());
            if (before == null) {
                inserts.add(new Object[] {driveId, root.itemId(), root.scope(), root.folder(), scanId});
            } else {
                boolean changed = root.sharingChanged() || root.folder() || !before.equals(root.scope());
                updates.add(new Object[] {root.scope(), root.folder(), scanId, changed, driveId, root.itemId()});
            }
        }
        jdbc.batchUpdate("UPDATE ward_permission_root SET scope = ?, folder = ?, marked_scan = ?,"
                + " changed = (changed OR ?) WHERE drive_id = ? AND item_id = ?", updates);
        jdbc.batchUpdate("INSERT INTO ward_permission_root (drive_id, item_id, scope, folder, marked_scan, changed)"
                + " VALUES (?, ?, ?, ?, ?, TRUE)", inserts);
    }

    /** After a full enumeration of the drive: roots it did not deliver are gone. */
    public void forgetRootsUnseen(String driveId, long scanId) {
        jdbc.update("DELETE FROM ward_permission_root WHERE drive_id = ? AND marked_scan < ?", driveId, scanId);
    }

    /**
     * One permission root as stored.
     *
     * @param itemId the item
     * @param folder whether it is a folder
     * @param changed whether its permissions must be read again
     */
    public record RootMark(String itemId, boolean folder, boolean changed) {
    }

    /** The drive's permission roots, by item id. */
    public Map<String, RootMark> roots(String driveId) {
        Map<String, RootMark> roots = new HashMap<>();
        jdbc.query("SELECT item_id, folder, changed FROM ward_permission_root WHERE drive_id = ?", rs -> {
            roots.put(rs.getString(1), new RootMark(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)));
        }, driveId);
        return roots;
    }

    /** Forgets permission roots whose items Ward no longer holds. */
    public void forgetRoots(String driveId, Collection<String> itemIds) {
        for (List<String> part : parts(itemIds)) {
            jdbc.update("DELETE FROM ward_permission_root WHERE drive_id = ? AND item_id IN (" + marks(part.size()) + ")",
                    prepend(driveId, part));
        }
    }

    /**
     * Where a permission list stood when it was read.
     *
     * @param subject {@link #ITEM}, {@link #ROOT} or {@link #DRIVE}
     * @param readScan the scan that read it
     * @param needsRead marked for reading (delta or a remediation said it changed)
     * @param parentId the item's parent when read
     * @param aboveId the nearest root above it when read ({@link AccessGrant#ROOT} for the library's root)
     * @param digest a digest of the grants read
     */
    public record ListState(String subject, long readScan, boolean needsRead, String parentId, String aboveId, String digest) {
    }

    /** The states of the drive's permission lists, by item id ({@link AccessGrant#ROOT} for the library's root). */
    public Map<String, ListState> states(String driveId) {
        Map<String, ListState> states = new HashMap<>();
        jdbc.query("SELECT item_id, subject, read_scan, needs_read, parent_id, above_id, grants_digest FROM ward_access_state"
                + " WHERE drive_id = ?", rs -> {
                    states.put(rs.getString(1), new ListState(rs.getString(2), rs.getLong(3), rs.getBoolean(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }, driveId);
        return states;
    }

    /**
     * Replaces an item's permission list with what Graph just said, and says whether it differs from what an earlier
     * read found (false when it was never read before). Names are stored with patient identifiers masked (a site's groups are named after the site)
     * and cut to fit their columns.
     *
     * @param subject {@link #ITEM}, {@link #ROOT} or {@link #DRIVE}
     * @param parentId the item's parent now
     * @param aboveId the nearest root above it now
     */
    public boolean replace(ItemKey item, List<AccessGrant> grants, long scanId, String subject, String parentId,
            String aboveId) {
        List<String> before = jdbc.queryForList("SELECT grants_digest FROM ward_access_state WHERE drive_id = ? AND item_id = ?",
                String.class, item.driveId(), item.itemId());
        String digest = write(item, grants, scanId);
        jdbc.update("UPDATE ward_access_state SET subject = ?, parent_id = ?, above_id = ?, grants_digest = ?"
                + " WHERE drive_id = ? AND item_id = ?", subject, parentId, aboveId, digest, item.driveId(), item.itemId());
        if (ROOT.equals(subject)) {
            jdbc.update("UPDATE ward_permission_root SET changed = FALSE WHERE drive_id = ? AND item_id = ?",
                    item.driveId(), item.itemId());
        }
        return !before.isEmpty() && before.get(0) != null && !before.get(0).equals(digest);
    }

    /**
     * Replaces an item's grants with what Graph just said, read item by item. Names are stored with patient identifiers
     * masked (a site's groups are named after the site) and cut to fit their columns.
     */
    public void replace(ItemKey item, List<AccessGrant> grants, long scanId) {
        replace(item, grants, scanId, ITEM, null, null);
    }

    /** Writes the grants and the list's read state; returns a digest of the rows as stored (masked). */
    private String write(ItemKey item, List<AccessGrant> grants, long scanId) {
        jdbc.update("DELETE FROM ward_access WHERE drive_id = ? AND item_id = ?", item.driveId(), item.itemId());
        List<Object[]> rows = new ArrayList<>();
        List<String> digestLines = new ArrayList<>();
        for (AccessGrant g : grants) {
            Object[] row = {item.driveId(), item.itemId(), g.permissionId(), String.join(",", g.roles()), g.kind().name(),
                g.principalId(), ColumnText.fit(masking.maskText(g.principalName()), 1000),
                ColumnText.fit(masking.maskText(g.principalLogin()), 1000), ColumnText.fit(g.principalEmail(), 400),
                g.guest(), g.linkScope(),
                g.linkType(), null, g.expiresAt() == null ? null : Timestamp.from(g.expiresAt()), g.hasPassword(),
                g.inheritedFrom(), String.join("\n", g.recipients()), scanId};
            rows.add(row);
            digestLines.add(Arrays.toString(Arrays.copyOfRange(row, 2, row.length - 1)));
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
        return digest(digestLines);
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

    /** A digest of a permission list as stored, to tell whether a re-read found anything different. */
    private static String digest(List<String> lines) {
        StringBuilder text = new StringBuilder();
        lines.stream().sorted().forEach(line -> text.append(line).append('\n'));
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Marks an item's permissions for reading on the next scan (its sharing changed, e.g. Ward removed a link). */
    public void sharingChanged(String driveId, String itemId) {
        jdbc.update("UPDATE ward_access_state SET needs_read = TRUE WHERE drive_id = ? AND item_id = ?", driveId, itemId);
        jdbc.update("UPDATE ward_permission_root SET changed = TRUE WHERE drive_id = ? AND item_id = ?", driveId, itemId);
    }

    /** Forgets the permission lists of these items of a drive. */
    public void forgetLists(String driveId, Collection<String> itemIds) {
        for (String table : List.of("ward_access", "ward_access_state")) {
            for (List<String> part : parts(itemIds)) {
                jdbc.update("DELETE FROM " + table + " WHERE drive_id = ? AND item_id IN (" + marks(part.size()) + ")",
                        prepend(driveId, part));
            }
        }
    }

    /**
     * Forgets every permission list of drives not among these. Their roots stay: the inventory keeps them with the
     * drive's delta cursor, and a drive discovery missed once comes back with its cursor.
     */
    public void forgetDrivesBut(Set<String> driveIds) {
        for (String table : List.of("ward_access", "ward_access_state")) {
            List<Object[]> gone = jdbc.queryForList("SELECT DISTINCT drive_id FROM " + table, String.class).stream()
                    .filter(d -> !driveIds.contains(d)).map(d -> new Object[] {d}).toList();
            jdbc.batchUpdate("DELETE FROM " + table + " WHERE drive_id = ?", gone);
        }
    }

    /**
     * The permission lists of one drive, by item id ({@link AccessGrant#ROOT} for the library's root), in Graph's
     * order.
     */
    public Map<String, List<AccessGrant>> lists(String driveId) {
        Map<String, List<AccessGrant>> result = new HashMap<>();
        jdbc.query("SELECT * FROM ward_access WHERE drive_id = ? ORDER BY item_id, permission_id", rs -> {
            result.computeIfAbsent(rs.getString("item_id"), k -> new ArrayList<>()).add(grant(rs));
        }, driveId);
        return result;
    }

    /** Members of the Microsoft 365 groups named in the drive's permission lists, where Graph exposed them. */
    public Map<String, List<GroupMember>> membersOfGroupsIn(String driveId) {
        Map<String, List<GroupMember>> result = new HashMap<>();
        jdbc.query("SELECT * FROM ward_group_member WHERE group_id IN (SELECT DISTINCT principal_id FROM ward_access"
                + " WHERE drive_id = ? AND principal_kind = 'GROUP') ORDER BY group_id, user_id", rs -> {
                    result.computeIfAbsent(rs.getString("group_id"), k -> new ArrayList<>()).add(new GroupMember(
                            rs.getString("user_id"), rs.getString("upn"), rs.getString("display_name"),
                            rs.getBoolean("guest"), rs.getBoolean("owner")));
                }, driveId);
        return result;
    }

    /**
     * What a scan's sharing step read.
     *
     * @param method {@code hierarchy} (roots and libraries) or {@code every-recording}
     * @param reads permission lists read by this scan
     * @param lists permission lists Ward holds after it
     * @param recordings recordings whose access they give
     */
    public record SharingReads(String method, long reads, long lists, long recordings) {
    }

    public void recordReads(long scanId, SharingReads reads) {
        jdbc.update("DELETE FROM ward_sharing_reads WHERE scan_id = ?", scanId);
        jdbc.update("INSERT INTO ward_sharing_reads (scan_id, method, reads, lists, recordings) VALUES (?, ?, ?, ?, ?)",
                scanId, reads.method(), reads.reads(), reads.lists(), reads.recordings());
    }

    public java.util.Optional<SharingReads> readsOf(long scanId) {
        return jdbc.query("SELECT method, reads, lists, recordings FROM ward_sharing_reads WHERE scan_id = ?",
                (rs, n) -> new SharingReads(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), scanId)
                .stream().findFirst();
    }

    /** How many permission lists Ward holds. */
    public long listCount() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ward_access_state", Long.class);
        return n == null ? 0 : n;
    }

    private static List<List<String>> parts(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<List<String>> parts = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_LIST) {
            parts.add(all.subList(i, Math.min(all.size(), i + IN_LIST)));
        }
        return parts;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static Object[] prepend(String first, List<String> rest) {
        Object[] args = new Object[rest.size() + 1];
        args[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            args[i + 1] = rest.get(i);
        }
        return args;
    }

    public void replaceMembers(String groupId, List<GroupMember> members, long scanId) {
        jdbc.update("DELETE FROM ward_group_member WHERE group_id = ?", groupId);
        jdbc.batchUpdate("INSERT INTO ward_group_member (group_id, user_id, upn, display_name, guest, owner, read_scan)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", members.stream().map(m -> new Object[] {groupId, m.userId(), m.upn(),
                    m.displayName(), m.guest(), m.owner(), scanId}).toList());
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

    /**
     * The same, among the groups named in the permission lists of these drives (ward serve's refresh of one place);
     * null for every drive.
     */
    public List<String> groupsToRefresh(Collection<String> driveIds, Collection<Long> recentScans) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT DISTINCT a.principal_id FROM ward_access a WHERE a.principal_kind = 'GROUP'";
        if (driveIds != null) {
            if (driveIds.isEmpty()) {
                return List.of();
            }
            sql += " AND a.drive_id IN (" + marks(driveIds.size()) + ")";
            params.addAll(driveIds);
        }
        if (!recentScans.isEmpty()) {
            sql += " AND NOT EXISTS (SELECT 1 FROM ward_group_member m WHERE m.group_id = a.principal_id"
                    + " AND m.read_scan IN (" + marks(recentScans.size()) + "))";
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
