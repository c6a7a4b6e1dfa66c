package org.ward.connector.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.ward.connector.database.ColumnText;
import org.ward.rules.classify.IdentifierMatch;
import org.ward.rules.classify.RecordingClassification;
import org.ward.rules.facts.ClassificationEvidence;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.facts.Principal;
import org.ward.rules.facts.StoredIdentifier;
import org.ward.rules.facts.ClassifiedItem;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ward's copy of each drive's items, as classified: what checks read between scans and what incremental delta
 * rounds update. Names and paths are stored masked; identifiers only as fingerprints.
 */
@Repository
public class ItemStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "drive_id, item_id, parent_id, name, path, folder, mime_type, size_bytes,"
            + " created_at, modified_at, created_by_id, created_by_name, quick_xor_hash, sha256_hash, media, duration_ms,"
            + " retention_label, sensitivity_label_id, columns_json, recording, recording_kind, score, reasons_json,"
            + " identifiers_json, seen_scan, copy_of";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate savepoint;
    private final EvidenceJson evidence = new EvidenceJson();

    public ItemStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Inserts or replaces items, marking them seen by the scan. */
    public void upsert(List<StoredItem> items, long scanId) {
        if (items.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("DELETE FROM ward_item WHERE drive_id = ? AND item_id = ?",
                items.stream().map(s -> new Object[] {s.item().driveId(), s.item().itemId()}).toList());
        insert(items, scanId);
    }

    /** Whether Ward holds none of the drive's items (it has not inventoried the drive yet). */
    public boolean holdsNone(String driveId) {
        return jdbc.queryForList("SELECT 1 FROM ward_item WHERE drive_id = ? FETCH FIRST 1 ROWS ONLY", Integer.class,
                driveId).isEmpty();
    }

    /**
     * Inserts items of a drive Ward held none of when this round began, without first deleting stored copies there
     * cannot be (the delete was a look-up per item). Graph's delta may list an item more than once (Microsoft's delta
     * documentation says so): then the insert is undone to a savepoint (PostgreSQL's transaction stays usable), the
     * chunk is written by {@link #upsert}, and false says the drive's items can no longer be taken for new.
     */
    public boolean insertNew(List<StoredItem> items, long scanId) {
        if (items.isEmpty()) {
            return true;
        }
        try {
            savepoint.executeWithoutResult(status -> insert(items, scanId));
            return true;
        } catch (DataIntegrityViolationException listedAgain) {
            upsert(items, scanId);
            return false;
        }
    }

    private void insert(List<StoredItem> items, long scanId) {
        List<Object[]> rows = new ArrayList<>();
        for (StoredItem s : items) {
            ItemRecord i = s.item();
            RecordingClassification c = s.classification();
            // Names come from the tenant with no length Ward can rely on: longer ones are stored cut, with a marker.
            rows.add(new Object[] {i.driveId(), i.itemId(), i.parentId(), ColumnText.fit(i.name(), 2000),
                ColumnText.fit(i.path(), 8000), i.folder(), ColumnText.fit(i.mimeType(), 200),
                i.size(), ts(i.createdDateTime()), ts(i.lastModifiedDateTime()),
                i.createdBy() == null ? null : i.createdBy().id(),
                i.createdBy() == null ? null : ColumnText.fit(i.createdBy().displayName(), 400),
                i.quickXorHash(), i.sha256Hash(), media(i.media()), i.media().durationMillis(),
                ColumnText.fit(i.retentionLabel(), 400),
                i.sensitivityLabelId(), i.columns().isEmpty() ? null : JSON.writeValueAsString(i.columns()),
                c.isRecording(), c.kind(), c.score(), evidence.of(c.evidence()),
                c.identifiers().isEmpty() ? null : JSON.writeValueAsString(c.identifiers().stream().map(ItemStore::identifier).toList()),
                scanId, null, s.listItemId()});
        }
        jdbc.batchUpdate("INSERT INTO ward_item (" + COLUMNS + ", list_item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** Whether Ward tracks any of the drive's files through its library's list (it holds files that may be recordings). */
    public boolean tracksListItems(String driveId) {
        return !jdbc.queryForList("SELECT 1 FROM ward_item WHERE drive_id = ? AND list_item_id IS NOT NULL FETCH FIRST 1"
                + " ROWS ONLY", Integer.class, driveId).isEmpty();
    }

    /** The label and columns Ward holds for each of the drive's files it tracks through the library's list. */
    public void storedFields(String driveId, Consumer<StoredFields> each) {
        jdbc.query("SELECT item_id, list_item_id, retention_label, columns_json FROM ward_item WHERE drive_id = ? AND"
                + " list_item_id IS NOT NULL", rs -> {
                    each.accept(new StoredFields(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }, driveId);
    }

    /** Forgets items Graph reported deleted. */
    public void remove(String driveId, List<String> itemIds) {
        if (!itemIds.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM ward_item WHERE drive_id = ? AND item_id = ?",
                    itemIds.stream().map(id -> new Object[] {driveId, id}).toList());
        }
    }

    /**
     * Marks items as seen by this scan without changing what is stored of them: delta listed them but their entry could
     * not be read, so their last stored state stands (a full enumeration must not take them for gone).
     */
    public void keepUnchanged(String driveId, List<String> itemIds, long scanId) {
        if (!itemIds.isEmpty()) {
            jdbc.batchUpdate("UPDATE ward_item SET seen_scan = ? WHERE drive_id = ? AND item_id = ?",
                    itemIds.stream().map(id -> new Object[] {scanId, driveId, id}).toList());
        }
    }

    /** After a full enumeration: whatever it did not see is gone. Returns how many items were removed. */
    public int removeUnseen(String driveId, long scanId) {
        return jdbc.update("DELETE FROM ward_item WHERE drive_id = ? AND seen_scan < ?", driveId, scanId);
    }

    /** The drive's folder paths (masked), to resolve paths of items an incremental round delivers. */
    public Map<String, String> folderPaths(String driveId) {
        Map<String, String> paths = new HashMap<>();
        jdbc.query("SELECT item_id, path FROM ward_item WHERE drive_id = ? AND folder = TRUE",
                rs -> {
                    paths.put(rs.getString(1), rs.getString(2));
                }, driveId);
        return paths;
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ward_item", Long.class);
        return n == null ? 0 : n;
    }

    public long countRecordings() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM ward_item WHERE recording = TRUE", Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Streams every item that shares a folder with a recording, grouped by folder (drive, parent), so checks that
     * look beside a recording (consent forms) read each folder once.
     */
    public void foldersWithRecordings(Consumer<List<ClassifiedItem>> folder) {
        foldersWithRecordings(null, folder);
    }

    /** The same, in these drives only (one place's drives, re-evaluated between scans); null for every drive. */
    public void foldersWithRecordings(Collection<String> driveIds, Consumer<List<ClassifiedItem>> folder) {
        List<ClassifiedItem> current = new ArrayList<>();
        String[] key = {null};
        jdbc.query("SELECT " + COLUMNS + " FROM ward_item i WHERE i.folder = FALSE" + inDrives("i.drive_id", driveIds)
                + " AND EXISTS (SELECT 1 FROM ward_item r"
                + " WHERE r.recording = TRUE AND r.drive_id = i.drive_id AND r.parent_id = i.parent_id)"
                + " ORDER BY i.drive_id, i.parent_id, i.item_id", rs -> {
                    ClassifiedItem row = row(rs);
                    String k = row.item().driveId() + "|" + row.item().parentId();
                    if (key[0] != null && !key[0].equals(k)) {
                        folder.accept(List.copyOf(current));
                        current.clear();
                    }
                    key[0] = k;
                    current.add(row);
                }, params(driveIds));
        if (!current.isEmpty()) {
            folder.accept(List.copyOf(current));
        }
    }

    /** A file naming a patient beside a recording, whose sensitivity label has not been read since it was stored. */
    public record UnreadLabel(String driveId, String itemId, String name) {
    }

    /**
     * Files that are not recordings, name a patient (an identifier in the name, path or metadata), share a folder
     * with a recording, and whose sensitivity label Ward has not read since it last stored them (the caller decides
     * which file types can carry a label).
     */
    public List<UnreadLabel> unreadLabelsBesideRecordings() {
        return jdbc.query("SELECT i.drive_id, i.item_id, i.name FROM ward_item i WHERE i.folder = FALSE"
                + " AND i.recording = FALSE AND i.identifiers_json IS NOT NULL AND i.sensitivity_label_read = FALSE"
                + " AND EXISTS (SELECT 1 FROM ward_item r"
                + " WHERE r.recording = TRUE AND r.drive_id = i.drive_id AND r.parent_id = i.parent_id)"
                + " ORDER BY i.drive_id, i.item_id",
                (rs, n) -> new UnreadLabel(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Stores the sensitivity label read for each file (null when it has none) and marks it read. */
    public void sensitivityLabelsRead(Map<UnreadLabel, String> labels) {
        jdbc.batchUpdate("UPDATE ward_item SET sensitivity_label_id = ?, sensitivity_label_read = TRUE"
                + " WHERE drive_id = ? AND item_id = ?", labels.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey().driveId(), e.getKey().itemId()}).toList());
    }

    /** The files whose sensitivity label Ward has read since it last stored them. */
    public Set<ItemKey> sensitivityLabelsRead() {
        return new HashSet<>(jdbc.query("SELECT drive_id, item_id FROM ward_item WHERE folder = FALSE"
                + " AND sensitivity_label_read = TRUE", (rs, n) -> new ItemKey(rs.getString(1), rs.getString(2))));
    }

    /**
     * Files naming a patient beside recordings whose sensitivity label Ward has read, and how many carry one.
     *
     * @param read files whose label was read
     * @param labelled of those, files with a label
     */
    public record BesideRecordingLabels(long read, long labelled) {
    }

    public BesideRecordingLabels labelsBesideRecordings() {
        return jdbc.queryForObject("SELECT COUNT(*), COUNT(i.sensitivity_label_id) FROM ward_item i WHERE i.folder = FALSE"
                + " AND i.recording = FALSE AND i.identifiers_json IS NOT NULL AND i.sensitivity_label_read = TRUE"
                + " AND EXISTS (SELECT 1 FROM ward_item r"
                + " WHERE r.recording = TRUE AND r.drive_id = i.drive_id AND r.parent_id = i.parent_id)",
                (rs, n) -> new BesideRecordingLabels(rs.getLong(1), rs.getLong(2)));
    }

    /** Where every recording is, by drive and item id. */
    public List<ItemKey> recordingKeys() {
        return recordingKeys(null);
    }

    /** Where the recordings of these drives are; null for every drive. */
    public List<ItemKey> recordingKeys(Collection<String> driveIds) {
        return jdbc.query("SELECT drive_id, item_id FROM ward_item WHERE recording = TRUE" + inDrives("drive_id", driveIds)
                + " ORDER BY drive_id, item_id", (rs, n) -> new ItemKey(rs.getString(1), rs.getString(2)), params(driveIds));
    }

    /** How many recordings each drive holds. */
    public Map<String, Long> recordingsByDrive() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("SELECT drive_id, COUNT(*) FROM ward_item WHERE recording = TRUE GROUP BY drive_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Streams every recording. */
    public void recordings(Consumer<ClassifiedItem> recording) {
        recordings((Collection<String>) null, recording);
    }

    /** Streams the recordings of these drives; null for every drive. */
    public void recordings(Collection<String> driveIds, Consumer<ClassifiedItem> recording) {
        jdbc.query("SELECT " + COLUMNS + " FROM ward_item WHERE recording = TRUE" + inDrives("drive_id", driveIds)
                + " ORDER BY drive_id, item_id", rs -> {
                    recording.accept(row(rs));
                }, params(driveIds));
    }

    /** " AND column IN (?, ...)" for a drive filter, or nothing for every drive. */
    private static String inDrives(String column, Collection<String> driveIds) {
        return driveIds == null ? "" : driveIds.isEmpty() ? " AND 1 = 0"
                : " AND " + column + " IN (" + String.join(",", java.util.Collections.nCopies(driveIds.size(), "?")) + ")";
    }

    private static Object[] params(Collection<String> driveIds) {
        return driveIds == null ? new Object[0] : driveIds.toArray();
    }

    /** The drive's folders and their parents, by id: the tree effective access is derived along. */
    public Map<String, String> folderParents(String driveId) {
        Map<String, String> parents = new HashMap<>();
        jdbc.query("SELECT item_id, parent_id FROM ward_item WHERE drive_id = ? AND folder = TRUE", rs -> {
            parents.put(rs.getString(1), rs.getString(2));
        }, driveId);
        return parents;
    }

    /** The parents of these items of a drive, by id; an item Ward does not hold is left out. */
    public Map<String, String> parentsOf(String driveId, java.util.Collection<String> itemIds) {
        Map<String, String> parents = new HashMap<>();
        List<String> ids = List.copyOf(itemIds);
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + 500));
            List<Object> args = new ArrayList<>();
            args.add(driveId);
            args.addAll(part);
            jdbc.query("SELECT item_id, parent_id FROM ward_item WHERE drive_id = ? AND item_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")", rs -> {
                        parents.put(rs.getString(1), rs.getString(2));
                    }, args.toArray());
        }
        return parents;
    }

    /**
     * Of these files as a delta round delivered them (names masked as stored), the ids of those Ward holds exactly so —
     * same parent, name, type, size, dates, hashes, media, sensitivity label and list item. A file whose list item the
     * round's incremental list-item delta did not report, and whose driveItem is as stored, changed only in what delta
     * reports beside the item (its sharing): its stored label, columns and classification still stand.
     */
    public Set<String> storedAsDelivered(String driveId, Collection<ItemRecord> files, Map<String, String> listItemIds) {
        Map<String, ItemRecord> byId = new HashMap<>();
        files.forEach(f -> byId.put(f.itemId(), f));
        Set<String> same = new HashSet<>();
        List<String> ids = List.copyOf(byId.keySet());
        for (int i = 0; i < ids.size(); i += 500) {
            List<String> part = ids.subList(i, Math.min(ids.size(), i + 500));
            List<Object> args = new ArrayList<>();
            args.add(driveId);
            args.addAll(part);
            jdbc.query("SELECT " + COLUMNS + ", list_item_id FROM ward_item WHERE drive_id = ? AND folder = FALSE"
                    + " AND list_item_id IS NOT NULL AND item_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(part.size(), "?")) + ")", rs -> {
                        ItemRecord stored = row(rs).item();
                        ItemRecord delivered = byId.get(stored.itemId());
                        if (rs.getString("list_item_id").equals(listItemIds.get(stored.itemId()))
                                && sameFile(stored, delivered)) {
                            same.add(stored.itemId());
                        }
                    }, args.toArray());
        }
        return same;
    }

    private static boolean sameFile(ItemRecord stored, ItemRecord delivered) {
        return !delivered.folder() && java.util.Objects.equals(stored.parentId(), delivered.parentId())
                && java.util.Objects.equals(stored.name(), ColumnText.fit(delivered.name(), 2000))
                && java.util.Objects.equals(stored.mimeType(), ColumnText.fit(delivered.mimeType(), 200))
                && stored.size() == delivered.size()
                && sameInstant(stored.createdDateTime(), delivered.createdDateTime())
                && sameInstant(stored.lastModifiedDateTime(), delivered.lastModifiedDateTime())
                && java.util.Objects.equals(stored.quickXorHash(), delivered.quickXorHash())
                && java.util.Objects.equals(stored.sha256Hash(), delivered.sha256Hash())
                && stored.media().equals(delivered.media())
                && java.util.Objects.equals(stored.sensitivityLabelId(), delivered.sensitivityLabelId());
    }

    /** To the millisecond: the database may keep fewer digits than Graph's seven. */
    private static boolean sameInstant(Instant stored, Instant delivered) {
        return stored == null || delivered == null ? stored == delivered
                : stored.toEpochMilli() == delivered.toEpochMilli();
    }

    /** The drives that hold recordings, in order. */
    public List<String> drivesWithRecordings() {
        return jdbc.queryForList("SELECT DISTINCT drive_id FROM ward_item WHERE recording = TRUE ORDER BY drive_id",
                String.class);
    }

    /*
     * One drive's recordings are read through the primary key (the drive's rows) and picked here: given
     * "drive_id = ? AND recording = TRUE", H2 chose the index on the recording flag and walked every recording of the
     * tenant once per drive (209,358 recordings x 1,020 drives on the 1,000,000-item benchmark tenant).
     */

    /** The ids of one drive's recordings. */
    public List<String> recordingIds(String driveId) {
        List<String> ids = new ArrayList<>();
        jdbc.query("SELECT item_id, recording FROM ward_item WHERE drive_id = ? ORDER BY item_id", rs -> {
            if (rs.getBoolean(2)) {
                ids.add(rs.getString(1));
            }
        }, driveId);
        return ids;
    }

    /** Streams one drive's recordings. */
    public void recordings(String driveId, Consumer<ClassifiedItem> recording) {
        jdbc.query("SELECT " + COLUMNS + " FROM ward_item WHERE drive_id = ? ORDER BY item_id", rs -> {
            if (rs.getBoolean("recording")) {
                recording.accept(row(rs));
            }
        }, driveId);
    }

    /** Streams every item of a drive, files and folders (what a permission can apply to). */
    public void items(String driveId, Consumer<ClassifiedItem> item) {
        jdbc.query("SELECT " + COLUMNS + " FROM ward_item WHERE drive_id = ? ORDER BY item_id", rs -> {
            item.accept(row(rs));
        }, driveId);
    }

    private static StoredIdentifier identifier(IdentifierMatch m) {
        return new StoredIdentifier(m.type().name(), m.masked(), m.fingerprint(), m.foundIn());
    }

    private static ClassifiedItem row(ResultSet rs) throws SQLException {
        String media = rs.getString("media");
        long duration = rs.getLong("duration_ms");
        Long durationMillis = rs.wasNull() ? null : duration;
        MediaFacets facets = new MediaFacets(contains(media, "audio"), contains(media, "video"), contains(media, "photo"),
                contains(media, "image"), durationMillis);
        String columns = rs.getString("columns_json");
        ItemRecord item = new ItemRecord(rs.getString("drive_id"), rs.getString("item_id"), rs.getString("parent_id"),
                rs.getString("name"), rs.getString("path"), rs.getBoolean("folder"), rs.getString("mime_type"),
                rs.getLong("size_bytes"), instant(rs, "created_at"), instant(rs, "modified_at"),
                rs.getString("created_by_id") == null ? null
                        : new Principal(rs.getString("created_by_id"), rs.getString("created_by_name"), null),
                null, rs.getString("quick_xor_hash"), rs.getString("sha256_hash"), facets, rs.getString("retention_label"),
                rs.getString("sensitivity_label_id"),
                columns == null ? Map.of() : JSON.readValue(columns, new TypeReference<Map<String, String>>() { }));
        String identifiers = rs.getString("identifiers_json");
        ClassificationEvidence evidence = evidence(rs.getString("reasons_json"), rs.getString("copy_of"));
        return new ClassifiedItem(item, rs.getBoolean("recording"), rs.getString("recording_kind"), rs.getInt("score"),
                evidence.sentences(),
                identifiers == null ? List.of() : JSON.readValue(identifiers, new TypeReference<List<StoredIdentifier>>() { }),
                evidence);
    }

    /**
     * The stored classification evidence; rows written before evidence was structured hold only their reasons (a JSON
     * list), whose last line is the verdict. A copy found by its content is a recording of its original's kind.
     */
    private static ClassificationEvidence evidence(String stored, String copyOf) {
        ClassificationEvidence own;
        if (stored == null || stored.isBlank()) {
            own = ClassificationEvidence.of(null);
        } else if (stored.strip().startsWith("[")) {
            List<String> reasons = JSON.readValue(stored, new TypeReference<List<String>>() { });
            own = new ClassificationEvidence(false, null, null, 0, 0, reasons.size() <= 1 ? List.of()
                    : reasons.subList(0, reasons.size() - 1).stream().map(r -> new ClassificationEvidence.Contribution(
                            "reason", null, null, 0, r)).toList(), List.of(), List.of(), null,
                    reasons.isEmpty() ? null : reasons.get(reasons.size() - 1));
        } else {
            own = ClassificationEvidence.fromMap(JSON.readValue(stored, new TypeReference<Map<String, Object>>() { }));
        }
        if (copyOf == null) {
            return own;
        }
        Map<String, Object> copy = JSON.readValue(copyOf, new TypeReference<Map<String, Object>>() { });
        return own.asCopyOf(ClassificationEvidence.CopyOf.fromMap((Map<?, ?>) copy.get("copyOf")),
                String.valueOf(copy.get("kindTitle")), copy.get("threshold") instanceof Number n ? n.intValue() : 0);
    }

    /**
     * A file that is not a recording on its own but has the same content as one that is.
     *
     * @param copy the file
     * @param original the recording it copies
     * @param kind the original's kind
     * @param score the original's score
     * @param path the original's path (masked)
     * @param hash the hash that matched: quickXorHash or sha256Hash
     */
    public record ContentMatch(ItemKey copy, ItemKey original, String kind, int score, String path, String hash) {
    }

    /**
     * Files whose content hash (quickXorHash, or sha256Hash where both have one) equals that of a recording classified
     * on its own, which are not recordings on their own. Copies of copies share the original's hash, so they match it
     * directly.
     */
    public List<ContentMatch> contentMatches() {
        return contentMatches(null);
    }

    /** The same for the files of one drive (null: every drive), against recordings anywhere. */
    public List<ContentMatch> contentMatches(String driveId) {
        List<ContentMatch> matches = new ArrayList<>();
        Object[] args = driveId == null ? new Object[0] : new Object[] {driveId};
        for (String[] hash : List.of(new String[] {"quick_xor_hash", "quickXorHash"}, new String[] {"sha256_hash", "sha256Hash"})) {
            jdbc.query("SELECT c.drive_id, c.item_id, o.drive_id, o.item_id, o.recording_kind, o.score, o.path FROM ward_item c"
                    + " JOIN ward_item o ON o." + hash[0] + " = c." + hash[0]
                    + " WHERE c.folder = FALSE AND c.recording = FALSE AND c." + hash[0] + " IS NOT NULL"
                    + (driveId == null ? "" : " AND c.drive_id = ?")
                    + " AND o.recording = TRUE AND o.copy_of IS NULL ORDER BY c.drive_id, c.item_id, o.score DESC, o.drive_id, o.item_id",
                    rs -> {
                        matches.add(new ContentMatch(new ItemKey(rs.getString(1), rs.getString(2)),
                                new ItemKey(rs.getString(3), rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getString(7),
                                hash[1]));
                    }, args);
        }
        return matches;
    }

    /** Every file marked as a copy goes back to its own verdict (none was a recording on its own). */
    public int clearContentCopies() {
        return jdbc.update("UPDATE ward_item SET recording = FALSE, recording_kind = NULL, copy_of = NULL"
                + " WHERE copy_of IS NOT NULL");
    }

    /** The same for one drive's files. */
    public int clearContentCopies(String driveId) {
        return jdbc.update("UPDATE ward_item SET recording = FALSE, recording_kind = NULL, copy_of = NULL"
                + " WHERE drive_id = ? AND copy_of IS NOT NULL", driveId);
    }

    /**
     * Marks files as copies of recordings: recordings of their original's kind.
     *
     * @param copies each file with what to store about its original ({@code copyOf}, {@code kindTitle},
     *     {@code threshold}) and the kind
     */
    public void markContentCopies(Map<ItemKey, Map<String, Object>> copies) {
        jdbc.batchUpdate("UPDATE ward_item SET recording = TRUE, recording_kind = ?, copy_of = ? WHERE drive_id = ? AND item_id = ?",
                copies.entrySet().stream().map(e -> new Object[] {
                    ((Map<?, ?>) e.getValue().get("copyOf")).get("kind"), JSON.writeValueAsString(e.getValue()),
                    e.getKey().driveId(), e.getKey().itemId()}).toList());
    }

    private static boolean contains(String media, String facet) {
        return media != null && media.contains(facet);
    }

    private static String media(MediaFacets m) {
        List<String> facets = new ArrayList<>();
        if (m.audio()) {
            facets.add("audio");
        }
        if (m.video()) {
            facets.add("video");
        }
        if (m.photo()) {
            facets.add("photo");
        }
        if (m.image()) {
            facets.add("image");
        }
        return facets.isEmpty() ? null : String.join(",", facets);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /**
     * Evidence as stored JSON. Most items' evidence is one of a few sentences (a folder; a document of a common type that
     * matches no kind's media signals), so the JSON of recent evidence is kept and reused instead of being written again
     * for each of a hundred thousand items; the map stays small (cleared when full).
     */
    private static final class EvidenceJson {

        private static final int KEPT = 512;
        private final java.util.concurrent.ConcurrentHashMap<ClassificationEvidence, String> written =
                new java.util.concurrent.ConcurrentHashMap<>();

        String of(ClassificationEvidence evidence) {
            String json = written.get(evidence);
            if (json == null) {
                json = JSON.writeValueAsString(evidence.toMap());
                if (written.size() >= KEPT) {
                    written.clear();
                }
                written.put(evidence, json);
            }
            return json;
        }
    }
}
