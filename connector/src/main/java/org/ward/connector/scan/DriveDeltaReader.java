package org.ward.connector.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.ward.connector.inventory.DeltaEntry;
import org.ward.connector.inventory.DeltaPage;
import org.ward.connector.inventory.DeltaResyncRequired;
import org.ward.connector.inventory.collect.DriveDelta;
import org.ward.connector.inventory.collect.ItemDetails;
import org.ward.rules.facts.ItemRecord;

/**
 * Reads one drive's delta entry by entry, page by page. Its position (the page's link and how many of its entries
 * were handed out) is saved with every committed chunk, so a restarted scan resumes where the last committed chunk
 * ended. A stored deltaLink makes the round incremental; none, or a 410 from Graph, makes it a full enumeration.
 * Files that may be recordings get their retention label and metadata columns read for each page (delta cannot
 * carry them), so the processor classifies them whole.
 */
class DriveDeltaReader implements ItemStreamReader<DeltaEntry> {

    private static final String LINK = "delta.link";
    private static final String OFFSET = "delta.offset";
    private static final String FULL = "delta.full";
    private static final String DONE = "delta.done";
    private static final String RESYNCS = "delta.resyncs";
    private static final String ROOT_SEEN = "delta.root";

    private final DriveDelta delta;
    private final ItemDetails details;
    private final Predicate<ItemRecord> needsDetails;
    private final String driveId;
    private final String storedDeltaLink;
    private final boolean sharingChanges;
    private final ScanProgress progress;

    private String link;
    private int offset;
    private boolean full;
    private boolean done;
    private int resyncs;
    private boolean rootSeen;
    private List<DeltaEntry> page;
    private String nextLink;

    DriveDeltaReader(DriveDelta delta, ItemDetails details, Predicate<ItemRecord> needsDetails, String driveId,
            String storedDeltaLink, boolean sharingChanges, ScanProgress progress) {
        this.delta = delta;
        this.details = details;
        this.needsDetails = needsDetails;
        this.driveId = driveId;
        this.storedDeltaLink = storedDeltaLink;
        this.sharingChanges = sharingChanges;
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
            rootSeen = "true".equals(context.containsKey(ROOT_SEEN) ? context.getString(ROOT_SEEN) : null);
        } else {
            link = storedDeltaLink;
            full = storedDeltaLink == null;
        }
    }

    @Override
    public DeltaEntry read() {
        while (!done) {
            if (page == null) {
                fetch();
            }
            if (offset < page.size()) {
                return page.get(offset++);
            }
            if (nextLink == null) {
                done = true;
                return null;
            }
            link = nextLink;
            offset = 0;
            page = null;
        }
        return null;
    }

    private void fetch() {
        DeltaPage fetched;
        try {
            fetched = delta.read(driveId, link, sharingChanges);
        } catch (DeltaResyncRequired resync) {
            if (++resyncs > 3) {
                throw resync;
            }
            progress.resync(driveId);
            link = resync.restartLink();
            offset = 0;
            full = true;
            fetched = delta.read(driveId, link, sharingChanges);
        }
        rootSeen |= fetched.rootId() != null;
        List<DeltaEntry> entries = new ArrayList<>();
        Map<String, ItemDetails.Details> read = details.read(driveId, fetched.items().stream().filter(needsDetails)
                .map(ItemRecord::itemId).toList());
        for (ItemRecord item : fetched.items()) {
            // Under hierarchical sharing a shared facet marks the root of a permission hierarchy; without it the facet
            // also shows inherited sharing, which says nothing about where permissions start.
            String shared = sharingChanges ? fetched.shared().get(item.itemId()) : null;
            if (!needsDetails.test(item)) {
                entries.add(new DeltaEntry.Changed(item, fetched.sharingChanged().contains(item.itemId()), shared));
            } else if (read.containsKey(item.itemId())) {
                entries.add(new DeltaEntry.Changed(withDetails(item, read.get(item.itemId())),
                        fetched.sharingChanged().contains(item.itemId()), shared));
            }
            // else: gone since delta listed it; the next round reports it removed.
        }
        for (String removed : fetched.removed()) {
            entries.add(new DeltaEntry.Removed(removed));
        }
        if (fetched.last()) {
            entries.add(new DeltaEntry.RoundEnd(fetched.deltaLink(), full, rootSeen));
        }
        page = entries;
        nextLink = fetched.nextLink();
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
        context.putString(ROOT_SEEN, String.valueOf(rootSeen));
    }

    @Override
    public void close() {
        page = null;
    }
}
