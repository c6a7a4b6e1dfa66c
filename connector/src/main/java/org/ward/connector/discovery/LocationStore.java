package org.ward.connector.discovery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.ward.connector.database.ColumnText;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;

/**
 * What discovery found, kept between scans: locations and drives with the scan that first and last saw them, so
 * a scan can say what is new since the last one. Each drive also keeps its committed delta cursor.
 */
@Repository
public class LocationStore {

    private final JdbcClient jdbc;
    private final IdentifierMasking masking;

    public LocationStore(JdbcClient jdbc, IdentifierMasking masking) {
        this.jdbc = jdbc;
        this.masking = masking;
    }

    /**
     * Records a discovery: new locations and drives are inserted, known ones refreshed. Names and URLs are stored with
     * patient identifiers masked (a site or channel can be named after a patient) and cut to fit their columns.
     */
    @Transactional
    public void record(Discovery discovery, long scanId) {
        for (Location found : discovery.locations()) {
            Location l = stored(found);
            int updated = jdbc.sql("""
                    UPDATE ward_location SET kind = ?, display_name = ?, web_url = ?, group_id = ?, team_id = ?,
                    channel_name = ?, owner_upn = ?, owners = ?, label_exposed = ?, label_id = ?, label_name = ?,
                    created_at = ?, last_seen_scan = ? WHERE site_id = ?""")
                    .params(l.kind().name(), l.displayName(), l.webUrl(), l.groupId(), l.teamId(), l.channelName(),
                            l.ownerUpn(), String.join("\n", l.owners()), l.sensitivityLabel().exposed(),
                            l.sensitivityLabel().labelId(), l.sensitivityLabel().displayName(), ts(l.createdDateTime()),
                            scanId, l.siteId())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        INSERT INTO ward_location (site_id, kind, display_name, web_url, group_id, team_id, channel_name,
                        owner_upn, owners, label_exposed, label_id, label_name, created_at, first_seen_scan, last_seen_scan)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(l.siteId(), l.kind().name(), l.displayName(), l.webUrl(), l.groupId(), l.teamId(),
                                l.channelName(), l.ownerUpn(), String.join("\n", l.owners()), l.sensitivityLabel().exposed(),
                                l.sensitivityLabel().labelId(), l.sensitivityLabel().displayName(), ts(l.createdDateTime()),
                                scanId, scanId)
                        .update();
            }
        }
        for (DiscoveredDrive found : discovery.drives()) {
            DiscoveredDrive d = new DiscoveredDrive(found.driveId(), ColumnText.fit(masking.maskText(found.name()), 1000),
                    found.siteId(), found.driveType(), ColumnText.fit(masking.maskText(found.webUrl()), 4000));
            int updated = jdbc.sql("UPDATE ward_drive SET site_id = ?, name = ?, drive_type = ?, web_url = ?,"
                    + " last_seen_scan = ? WHERE drive_id = ?")
                    .params(d.siteId(), d.name(), d.driveType(), d.webUrl(), scanId, d.driveId()).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO ward_drive (drive_id, site_id, name, drive_type, web_url, first_seen_scan,"
                        + " last_seen_scan) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(d.driveId(), d.siteId(), d.name(), d.driveType(), d.webUrl(), scanId, scanId).update();
            }
        }
    }

    /**
     * The scan whose discovery is the latest Ward holds (what ward serve re-evaluates changed drives against), empty
     * before the first discovery.
     */
    public java.util.OptionalLong latestDiscovery() {
        Long scan = jdbc.sql("SELECT MAX(last_seen_scan) FROM ward_drive").query(Long.class).optional().orElse(null);
        return scan == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(scan);
    }

    /**
     * Holds the location's row until the caller's transaction ends, so that only one evaluation of a place runs at a
     * time across threads and instances (ward serve refreshes several drives at once).
     */
    public void lockForEvaluation(String siteId) {
        jdbc.sql("SELECT site_id FROM ward_location WHERE site_id = ? FOR UPDATE").param(siteId).query(String.class).list();
    }

    private Location stored(Location l) {
        return new Location(l.siteId(), l.kind(), ColumnText.fit(masking.maskText(l.displayName()), 1000),
                ColumnText.fit(masking.maskText(l.webUrl()), 4000), l.groupId(), l.teamId(),
                ColumnText.fit(masking.maskText(l.channelName()), 1000), ColumnText.fit(l.ownerUpn(), 400),
                fitted(l.owners()), new ContainerLabel(l.sensitivityLabel().exposed(),
                        l.sensitivityLabel().labelId(), ColumnText.fit(l.sensitivityLabel().displayName(), 400)),
                l.createdDateTime());
    }

    /** Owners as stored: as many whole names as fit the column, then the marker. */
    private static List<String> fitted(List<String> owners) {
        String joined = String.join("\n", owners);
        return joined.length() <= 8000 ? owners : List.of(ColumnText.fit(joined, 8000).split("\n"));
    }

    /** The locations seen by a scan. */
    public List<Location> locations(long scanId) {
        return jdbc.sql("SELECT * FROM ward_location WHERE last_seen_scan = ? ORDER BY web_url")
                .param(scanId).query((rs, n) -> location(rs)).list();
    }

    public Map<String, Location> locationsBySite(long scanId) {
        return locations(scanId).stream().collect(Collectors.toMap(Location::siteId, Function.identity()));
    }

    /** Locations a scan saw for the first time (on a tenant's first scan, that is all of them). */
    public List<Location> firstSeenBy(long scanId) {
        return jdbc.sql("SELECT * FROM ward_location WHERE first_seen_scan = ? ORDER BY web_url")
                .param(scanId).query((rs, n) -> location(rs)).list();
    }

    /** The site of every drive Ward has seen, by drive id. */
    public Map<String, String> siteByDrive() {
        return jdbc.sql("SELECT drive_id, site_id FROM ward_drive").query((rs, n) -> Map.entry(rs.getString(1),
                rs.getString(2))).list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The drives seen by a scan. */
    public List<DiscoveredDrive> drives(long scanId) {
        return jdbc.sql("SELECT drive_id, name, site_id, drive_type, web_url FROM ward_drive WHERE last_seen_scan = ?"
                + " ORDER BY drive_id").param(scanId)
                .query((rs, n) -> new DiscoveredDrive(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5))).list();
    }

    public Map<String, DiscoveredDrive> drivesById(long scanId) {
        return drives(scanId).stream().collect(Collectors.toMap(DiscoveredDrive::driveId, Function.identity()));
    }

    public DiscoveredDrive drive(String driveId) {
        return jdbc.sql("SELECT drive_id, name, site_id, drive_type, web_url FROM ward_drive WHERE drive_id = ?")
                .param(driveId).query((rs, n) -> new DiscoveredDrive(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5))).optional().orElse(null);
    }

    private static Location location(ResultSet rs) throws SQLException {
        String owners = rs.getString("owners");
        ContainerLabel label = !rs.getBoolean("label_exposed") ? ContainerLabel.notExposed()
                : rs.getString("label_id") == null ? ContainerLabel.none()
                : ContainerLabel.of(rs.getString("label_id"), rs.getString("label_name"));
        Timestamp created = rs.getTimestamp("created_at");
        return new Location(rs.getString("site_id"), LocationKind.valueOf(rs.getString("kind")),
                rs.getString("display_name"), rs.getString("web_url"), rs.getString("group_id"), rs.getString("team_id"),
                rs.getString("channel_name"), rs.getString("owner_upn"),
                owners == null || owners.isEmpty() ? List.of() : Arrays.asList(owners.split("\n")), label,
                created == null ? null : created.toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
