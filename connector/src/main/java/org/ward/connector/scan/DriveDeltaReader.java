package org.ward.connector.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.ward.connector.discovery.DriveCursors;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.inventory.DeltaEntry;
import org.ward.connector.inventory.DeltaPage;
import org.ward.connector.inventory.DeltaResyncRequired;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.inventory.LibraryFields;
import org.ward.connector.inventory.LibraryList;
import org.ward.connector.inventory.ListDeltaUnavailable;
import org.ward.connector.inventory.ListFields;
import org.ward.connector.inventory.ListFieldsPage;
import org.ward.connector.inventory.StoredFields;
import org.ward.connector.inventory.collect.DriveDelta;
import org.ward.connector.inventory.collect.DriveItemReads;
import org.ward.connector.inventory.collect.ItemDetails;
import org.ward.connector.inventory.collect.ListItemDelta;
import org.ward.rules.facts.ItemRecord;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one drive's delta entry by entry, page by page. Its position (the page's link and how many of its entries
 * were handed out) is saved with every committed chunk, so a restarted scan resumes where the last committed chunk
 * ended. A stored deltaLink makes the round incremental; none, or a 410 from Graph, makes it a full enumeration.
 *
 * <p>Files that may be recordings need their retention label and metadata columns, which delta over a drive cannot
 * carry. The first time a page holds such a file, the reader runs a round of the library's list-item delta (from the
 * stored list-item cursor, or in full when the drive round is full) and joins each file to its list item by
 * {@code sharepointIds.listItemId}: about one request per thousand items, instead of one read per file. A file the
 * round cannot speak for (an incremental round that did not report it) and every file where Graph does not serve
 * list-item delta are read item by item ({@link ItemDetails}). When the drive round ends, files whose list item
 * changed without a drive change (a label or column written without a new version) are read again and reclassified.
 * The list-item cursor is committed with the drive's, in the chunk that ends the round.
 */
class DriveDeltaReader implements ItemStreamReader<DeltaEntry> {

    private static final Logger LOG = LoggerFactory.getLogger(DriveDeltaReader.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {
    };

    private static final String LINK = "delta.link";
    private static final String OFFSET = "delta.offset";
    private static final String FULL = "delta.full";
    private static final String DONE = "delta.done";
    private static final String RESYNCS = "delta.resyncs";
    private static final String ENDING = "delta.ending";
    private static final String ROOT_SEEN = "delta.root";

    /** How the inventory reads labels and columns. */
    enum FieldsSource { LIST_ITEM_DELTA, ITEM_BY_ITEM }

    /** The collectors and stores the reader works with. */
    record Sources(DriveDelta delta, ListItemDelta listDelta, ItemDetails details, DriveItemReads itemReads,
            ItemStore items, DriveCursors cursors, ParallelCalls parallel) {
    }

    private final Sources sources;
    private final Predicate<ItemRecord> needsDetails;
    private final UnaryOperator<Map<String, String>> maskColumns;
    private final UnaryOperator<String> maskName;
    private final String driveId;
    private final String policyHash;
    private final String storedDeltaLink;
    private final boolean sharingChanges;
    private final ScanProgress progress;

    private String link;
    private int offset;
    private boolean full;
    private boolean done;
    private int resyncs;
    /** The round's last drive page has been read: the entries now are the files re-read and the round's end. */
    private boolean ending;
    private boolean rootSeen;
    private List<DeltaEntry> page;
    private String nextLink;
    private String deltaLink;

    private FieldsSource source;
    private LibraryList library;
    private LibraryFields fields;
    private DriveCursors.ListCursor storedList;
    private final Set<String> deliveredThisRun = new HashSet<>();
    /** The next page, asked for while this one is classified and written; null when none is on its way. */
    private Ahead ahead;

    /** A page read ahead: the link it was read from, and the answer to come. */
    private record Ahead(String link, java.util.concurrent.CompletableFuture<DeltaPage> page) {
    }

    DriveDeltaReader(Sources sources, Predicate<ItemRecord> needsDetails, UnaryOperator<Map<String, String>> maskColumns,
            UnaryOperator<String> maskName, String driveId, String policyHash, boolean sharingChanges, FieldsSource source, ScanProgress progress) {
        this.sources = sources;
        this.needsDetails = needsDetails;
        this.maskColumns = maskColumns;
        this.maskName = maskName;
        this.driveId = driveId;
        this.policyHash = policyHash;
        this.storedDeltaLink = sources.cursors().deltaLink(driveId, policyHash);
        this.sharingChanges = sharingChanges;
        this.source = source;
        this.progress = progress;
    }

    @Override
    public void open(ExecutionContext context) {
        if (context.containsKey(OFFSET)) {
            link = context.containsKey(LINK) ? context.getString(LINK) : null;
            offset = context.getInt(OFFSET);
            full = context.getString(FULL).equals("true");
            done = context.getString(DONE).equals("true");
            resyncs = context.getInt(RESYNCS, 0);
            ending = context.containsKey(ENDING) && context.getString(ENDING).equals("true");
            if (ending) {
                // The files to read again are worked out afresh (those already stored now match): start them over.
                offset = 0;
            }
            rootSeen = "true".equals(context.containsKey(ROOT_SEEN) ? context.getString(ROOT_SEEN) : null);
        } else {
            link = storedDeltaLink;
            full = storedDeltaLink == null;
        }
        if (source == FieldsSource.LIST_ITEM_DELTA) {
            storedList = sources.cursors().listCursor(driveId, policyHash);
            if (storedList != null) {
                library = new LibraryList(storedList.siteId(), storedList.listId());
            }
        }
    }

    @Override
    public DeltaEntry read() {
        while (!done) {
            if (page == null) {
                if (ending) {
                    page = roundEnd();
                    nextLink = null;
                } else {
                    fetch();
                }
            }
            if (offset < page.size()) {
                return page.get(offset++);
            }
            if (ending) {
                done = true;
                return null;
            }
            if (nextLink == null) {
                // From here the saved link is the round's deltaLink, which the round's end commits.
                ending = true;
                link = deltaLink;
            } else {
                link = nextLink;
            }
            offset = 0;
            page = null;
        }
        return null;
    }

    private void fetch() {
        DeltaPage fetched;
        try {
            fetched = listRoundBeside() ? pageWithListRound() : page(link);
        } catch (DeltaResyncRequired resync) {
            if (++resyncs > 3) {
                throw resync;
            }
            progress.resync(driveId);
            link = resync.restartLink();
            offset = 0;
            full = true;
            // A full drive round needs a full list round: an incremental one could not speak for unchanged files.
            if (fields != null && !fields.full()) {
                fields = null;
            }
            fetched = sources.delta().read(driveId, link, sharingChanges);
        }
        readAhead(fetched.nextLink());
        if (library == null && fetched.library() != null) {
            library = fetched.library();
        }
        rootSeen |= fetched.rootId() != null;
        List<ItemRecord> candidates = fetched.items().stream().filter(needsDetails).toList();
        // Asked once per item: the media-signal test runs every kind's MIME patterns.
        Set<ItemRecord> candidateRecords = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        candidateRecords.addAll(candidates);
        Set<String> asStored = new HashSet<>();
        Map<String, ItemDetails.Details> details = details(candidates, fetched.listItemIds(), asStored);
        List<DeltaEntry> entries = new ArrayList<>();
        for (ItemRecord item : fetched.items()) {
            boolean sharingChanged = fetched.sharingChanged().contains(item.itemId());
            // Under hierarchical sharing a shared facet marks the root of a permission hierarchy; without it the facet
            // also shows inherited sharing, which says nothing about where permissions start.
            String shared = sharingChanges ? fetched.shared().get(item.itemId()) : null;
            deliveredThisRun.add(item.itemId());
            if (asStored.contains(item.itemId())) {
                entries.add(new DeltaEntry.Unchanged(item.itemId(), sharingChanged, shared));
            } else if (!candidateRecords.contains(item)) {
                entries.add(new DeltaEntry.Changed(item, sharingChanged, null, shared));
            } else if (details.containsKey(item.itemId())) {
                entries.add(new DeltaEntry.Changed(withDetails(item, details.get(item.itemId())), sharingChanged,
                        source == FieldsSource.LIST_ITEM_DELTA ? fetched.listItemIds().get(item.itemId()) : null, shared));
            }
            // else: gone since delta listed it; the next round reports it removed.
        }
        for (String removed : fetched.removed()) {
            entries.add(new DeltaEntry.Removed(removed));
        }
        for (DeltaPage.Unreadable unreadable : fetched.unreadable()) {
            entries.add(new DeltaEntry.Unreadable(unreadable.itemId(), unreadable.reason()));
        }
        page = entries;
        nextLink = fetched.nextLink();
        deltaLink = fetched.deltaLink();
    }

    /**
     * Whether this is an incremental round's first page over a library whose list Ward tracks: the round's end reads
     * the list round in any case, so it is read beside the page rather than after it.
     */
    private boolean listRoundBeside() {
        return fields == null && !full && source == FieldsSource.LIST_ITEM_DELTA && library != null && !ending
                && sources.items().tracksListItems(driveId);
    }

    /** The drive's page at {@code from}: the one read ahead when it is that page, else read now. */
    private DeltaPage page(String from) {
        Ahead read = ahead;
        ahead = null;
        if (read != null && read.link().equals(from)) {
            return ParallelCalls.answer(read.page());
        }
        return sources.delta().read(driveId, from, sharingChanges);
    }

    /**
     * Asks for the round's next page while this one is classified, written and committed, so Graph's answer time
     * overlaps Ward's work instead of following it. The saved position is untouched: a restart reads from the last
     * committed link, and a page read ahead but not reached is dropped. A failure (a 410 too) surfaces when the page is
     * taken, and is handled there as if it had been read then.
     */
    private void readAhead(String next) {
        ahead = next == null ? null
                : new Ahead(next, sources.parallel().ahead(() -> sources.delta().read(driveId, next, sharingChanges)));
    }

    private DeltaPage pageWithListRound() {
        DeltaPage[] fetched = new DeltaPage[1];
        sources.parallel().alongside(this::listRound, () -> fetched[0] = sources.delta().read(driveId, link, sharingChanges));
        return fetched[0];
    }

    /**
     * The label and columns of each file that may be a recording: from the library's list, or item by item. A file the
     * incremental list round did not report (its label, columns and name are as they were at the stored list cursor)
     * and whose driveItem is exactly as stored changed only in its sharing: it goes into {@code asStored} and is not
     * read again, since Ward already holds everything it would read.
     */
    private Map<String, ItemDetails.Details> details(List<ItemRecord> candidates, Map<String, String> listItemIds,
            Set<String> asStored) {
        Map<String, ItemDetails.Details> details = new HashMap<>();
        List<String> itemByItem = new ArrayList<>();
        List<ItemRecord> unreported = new ArrayList<>();
        for (ItemRecord item : candidates) {
            String listItemId = listItemIds.get(item.itemId());
            ListFields known = listItemId == null ? null : listFields(listItemId);
            if (known == null) {
                if (listItemId != null && fields != null && !fields.full() && !full) {
                    unreported.add(named(item, maskName.apply(item.name())));
                }
                itemByItem.add(item.itemId());
            } else {
                details.put(item.itemId(), new ItemDetails.Details(known.retentionLabel(), known.columns()));
            }
        }
        if (!unreported.isEmpty()) {
            asStored.addAll(sources.items().storedAsDelivered(driveId, unreported, listItemIds));
            itemByItem.removeAll(asStored);
        }
        if (!itemByItem.isEmpty()) {
            details.putAll(sources.details().read(driveId, itemByItem));
        }
        return details;
    }

    /** What the library's list says of a list item, running the list round first if need be; null when it cannot say. */
    private ListFields listFields(String listItemId) {
        return listRound() ? fields.of(listItemId) : null;
    }

    /** Makes sure this round of the library's list-item delta has been read; false when labels come item by item. */
    private boolean listRound() {
        if (source != FieldsSource.LIST_ITEM_DELTA || library == null) {
            return false;
        }
        if (fields != null) {
            return true;
        }
        boolean sameList = storedList != null && storedList.listId().equalsIgnoreCase(library.listId());
        String listLink = full || !sameList ? null : storedList.deltaLink();
        try {
            fields = readList(listLink);
            return true;
        } catch (ListDeltaUnavailable unavailable) {
            LOG.warn("{}; Ward reads the retention labels and columns of drive {} item by item.", unavailable.getMessage(),
                    driveId);
            source = FieldsSource.ITEM_BY_ITEM;
            fields = null;
            return false;
        }
    }

    private LibraryFields readList(String startLink) {
        LibraryFields round = new LibraryFields(library, startLink == null);
        String next = startLink;
        int listResyncs = 0;
        while (true) {
            ListFieldsPage listPage;
            try {
                listPage = sources.listDelta().read(library, next);
            } catch (DeltaResyncRequired resync) {
                if (++listResyncs > 3) {
                    throw resync;
                }
                progress.resync(driveId);
                round = new LibraryFields(library, true);
                next = resync.restartLink();
                continue;
            }
            round.add(listPage);
            if (listPage.last()) {
                return round;
            }
            next = listPage.nextLink();
        }
    }

    /**
     * The round's last entries: files whose list item changed while their driveItem did not, read again, and the end
     * of the round with both cursors.
     */
    private List<DeltaEntry> roundEnd() {
        List<DeltaEntry> entries = new ArrayList<>();
        if (source == FieldsSource.LIST_ITEM_DELTA && library != null && sources.items().tracksListItems(driveId)
                && listRound()) {
            entries.addAll(changedInListOnly());
        }
        DriveCursors.ListCursor listCursor = fields == null || fields.deltaLink() == null ? null
                : new DriveCursors.ListCursor(library.siteId(), library.listId(), fields.deltaLink());
        entries.add(new DeltaEntry.RoundEnd(link, full, listCursor, rootSeen));
        return entries;
    }

    private List<DeltaEntry> changedInListOnly() {
        List<String> reread = new ArrayList<>();
        sources.items().storedFields(driveId, stored -> {
            if (deliveredThisRun.contains(stored.itemId())) {
                return;
            }
            ListFields now = fields.of(stored.listItemId());
            if (now != null && !same(stored, now)) {
                reread.add(stored.itemId());
            }
        });
        List<DeltaEntry> entries = new ArrayList<>();
        if (reread.isEmpty()) {
            return entries;
        }
        for (DeltaPage.Single single : sources.itemReads().read(driveId, reread).values()) {
            if (!needsDetails.test(single.item()) || single.listItemId() == null) {
                continue;
            }
            ListFields now = fields.of(single.listItemId());
            ItemRecord item = now == null ? single.item() : withDetails(single.item(),
                    new ItemDetails.Details(now.retentionLabel(), now.columns()));
            entries.add(new DeltaEntry.Reread(item, single.listItemId()));
        }
        return entries;
    }

    private boolean same(StoredFields stored, ListFields now) {
        Map<String, String> storedColumns = stored.columnsJson() == null ? Map.of() : JSON.readValue(stored.columnsJson(), COLUMNS);
        return Objects.equals(stored.retentionLabel(), now.retentionLabel())
                && storedColumns.equals(maskColumns.apply(now.columns()));
    }

    private static ItemRecord named(ItemRecord item, String name) {
        return new ItemRecord(item.driveId(), item.itemId(), item.parentId(), name, item.path(), item.folder(),
                item.mimeType(), item.size(), item.createdDateTime(), item.lastModifiedDateTime(), item.createdBy(),
                item.lastModifiedBy(), item.quickXorHash(), item.sha256Hash(), item.media(), item.retentionLabel(),
                item.sensitivityLabelId(), item.columns());
    }

    private static ItemRecord withDetails(ItemRecord item, ItemDetails.Details read) {
        return new ItemRecord(item.driveId(), item.itemId(), item.parentId(), item.name(), item.path(), item.folder(),
                item.mimeType(), item.size(), item.createdDateTime(), item.lastModifiedDateTime(), item.createdBy(),
                item.lastModifiedBy(), item.quickXorHash(), item.sha256Hash(), item.media(), read.retentionLabel(),
                item.sensitivityLabelId(), read.columns());
    }

    @Override
    public void update(ExecutionContext context) {
        if (link != null) {
            context.putString(LINK, link);
        } else {
            context.remove(LINK);
        }
        context.putInt(OFFSET, offset);
        context.putString(FULL, String.valueOf(full));
        context.putString(DONE, String.valueOf(done));
        context.putInt(RESYNCS, resyncs);
        context.putString(ENDING, String.valueOf(ending));
        context.putString(ROOT_SEEN, String.valueOf(rootSeen));
    }

    @Override
    public void close() {
        page = null;
        ahead = null; // a read-only request still on its way is left to finish; its page is not wanted
    }
}
