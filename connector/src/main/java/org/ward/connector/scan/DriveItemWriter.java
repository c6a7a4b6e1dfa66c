package org.ward.connector.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.ward.connector.discovery.DriveCursors;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.inventory.StoredItem;
import org.ward.connector.sharing.AccessStore;

/**
 * Writes a chunk of one drive's changes. The round's cursor is saved in the same transaction as its last items,
 * so Ward never holds a cursor ahead of what it stored; after a full enumeration, items it did not see are removed.
 */
class DriveItemWriter implements ItemWriter<InventoryChange> {

    private final ItemStore items;
    private final DriveCursors cursors;
    private final String driveId;
    private final long scanId;
    private final String policyHash;
    private final ScanProgress progress;
    private final AccessStore access;
    private final Consumer<List<String>> gaps;
    /** Ward held none of the drive's items when this writer began: what it writes is new, inserted without a look-up. */
    private boolean drivesFirstItems;

    DriveItemWriter(ItemStore items, DriveCursors cursors, String driveId, long scanId, String policyHash,
            ScanProgress progress, AccessStore access, Consumer<List<String>> gaps) {
        this.access = access;
        this.gaps = gaps;
        this.items = items;
        this.cursors = cursors;
        this.driveId = driveId;
        this.scanId = scanId;
        this.policyHash = policyHash;
        this.progress = progress;
        this.drivesFirstItems = items.holdsNone(driveId);
    }

    @Override
    public void write(Chunk<? extends InventoryChange> chunk) {
        List<StoredItem> keep = new ArrayList<>();
        List<AccessStore.PermissionRoot> roots = new ArrayList<>();
        List<String> notRoots = new ArrayList<>();
        List<String> forget = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<InventoryChange.Unread> unread = new ArrayList<>();
        InventoryChange.Commit commit = null;
        for (InventoryChange change : chunk) {
            if (change instanceof InventoryChange.Keep k) {
                keep.add(k.item());
                if (k.shared() != null) {
                    roots.add(new AccessStore.PermissionRoot(k.item().item().itemId(), k.shared(), k.item().item().folder(),
                            k.sharingChanged()));
                } else {
                    notRoots.add(k.item().item().itemId());
                }
            } else if (change instanceof InventoryChange.KeepStored k) {
                kept.add(k.itemId());
                if (k.shared() != null) {
                    roots.add(new AccessStore.PermissionRoot(k.itemId(), k.shared(), false, k.sharingChanged()));
                } else {
                    notRoots.add(k.itemId());
                }
            } else if (change instanceof InventoryChange.Unread u) {
                unread.add(u);
            } else if (change instanceof InventoryChange.Refresh r) {
                keep.add(r.item());
            } else if (change instanceof InventoryChange.Forget f) {
                forget.add(f.itemId());
            } else {
                commit = (InventoryChange.Commit) change;
            }
        }
        if (drivesFirstItems) {
            drivesFirstItems = items.insertNew(keep, scanId);
        } else {
            items.upsert(keep, scanId);
        }
        items.remove(driveId, forget);
        items.keepUnchanged(driveId, kept, scanId);
        if (!unread.isEmpty()) {
            items.keepUnchanged(driveId, unread.stream().map(InventoryChange.Unread::itemId)
                    .filter(java.util.Objects::nonNull).toList(), scanId);
            gaps.accept(unread.stream().map(u -> "Not evaluated: " + (u.itemId() == null ? "an item" : "item " + u.itemId())
                    + " of drive " + driveId + ", because " + u.reason() + " in Graph's delta answer; Ward keeps what it"
                    + " stored of it and reads it again when it next changes.").toList());
        }
        notRoots.addAll(forget);
        access.permissionRootsSeen(driveId, roots, notRoots, scanId);
        if (commit != null) {
            if (commit.fullEnumeration()) {
                items.removeUnseen(driveId, scanId);
                access.forgetRootsUnseen(driveId, scanId);
            }
            if (commit.rootSeen()) {
                access.sharingChanged(driveId, org.ward.rules.sharing.AccessGrant.ROOT);
            }
            if (commit.listCursor() != null) {
                cursors.save(driveId, commit.deltaLink(), commit.listCursor(), policyHash);
            } else {
                cursors.save(driveId, commit.deltaLink(), policyHash);
            }
        }
        progress.itemsStored(keep.size());
    }
}
