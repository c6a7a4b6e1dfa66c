package org.ward.connector.scan;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.ward.connector.inventory.DeltaEntry;
import org.ward.connector.inventory.FolderPaths;
import org.ward.connector.inventory.StoredItem;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.classify.RecordingClassification;
import org.ward.rules.classify.RecordingClassifier;
import org.ward.rules.facts.ItemRecord;

/**
 * Resolves each item's path, classifies it by policy, and masks identifiers in its name and path before anything is
 * stored. Folders are never recordings; their masked paths feed the paths of what they contain.
 */
class DriveItemProcessor implements ItemProcessor<DeltaEntry, InventoryChange> {

    private static final RecordingClassification FOLDER = new RecordingClassification(false, null, 0, List.of(), List.of());

    private final RecordingClassifier classifier;
    private final IdentifierMasking masking;
    private final LocationContext location;
    private final FolderPaths folders;

    DriveItemProcessor(RecordingClassifier classifier, IdentifierMasking masking, LocationContext location,
            FolderPaths folders) {
        this.classifier = classifier;
        this.masking = masking;
        this.location = location;
        this.folders = folders;
    }

    @Override
    public InventoryChange process(DeltaEntry entry) {
        if (entry instanceof DeltaEntry.Changed changed) {
            InventoryChange.Keep keep = keep(changed.item(), changed.sharingChanged(), changed.listItemId());
            return changed.shared() == null ? keep : new InventoryChange.Keep(keep.item(), keep.sharingChanged(), changed.shared());
        }
        if (entry instanceof DeltaEntry.Reread reread) {
            return new InventoryChange.Refresh(keep(reread.item(), false, reread.listItemId()).item());
        }
        if (entry instanceof DeltaEntry.Unchanged unchanged) {
            return new InventoryChange.KeepStored(unchanged.itemId(), unchanged.sharingChanged(), unchanged.shared());
        }
        if (entry instanceof DeltaEntry.Unreadable unreadable) {
            return new InventoryChange.Unread(unreadable.itemId(), unreadable.reason());
        }
        if (entry instanceof DeltaEntry.Removed removed) {
            return new InventoryChange.Forget(removed.itemId());
        }
        DeltaEntry.RoundEnd end = (DeltaEntry.RoundEnd) entry;
        return new InventoryChange.Commit(end.deltaLink(), end.fullEnumeration(), end.listCursor(), end.rootSeen());
    }

    private InventoryChange.Keep keep(ItemRecord item, boolean sharingChanged, String listItemId) {
        String maskedName = masking.maskText(item.name());
        if (item.folder()) {
            String path = folders.addFolder(item.itemId(), item.parentId(), maskedName);
            return new InventoryChange.Keep(new StoredItem(masked(item, maskedName, path), FOLDER), sharingChanged);
        }
        String maskedPath = folders.pathOf(item.parentId(), maskedName);
        // The classifier sees the clear file name (identifiers live there) but only masked folder names.
        String folderPath = maskedPath.substring(0, maskedPath.length() - maskedName.length());
        RecordingClassification classification = classifier.classify(item.withPath(folderPath + item.name()), location);
        return new InventoryChange.Keep(new StoredItem(masked(item, maskedName, maskedPath), classification, listItemId),
                sharingChanged);
    }

    private ItemRecord masked(ItemRecord item, String maskedName, String maskedPath) {
        return new ItemRecord(item.driveId(), item.itemId(), item.parentId(), maskedName, maskedPath, item.folder(),
                item.mimeType(), item.size(), item.createdDateTime(), item.lastModifiedDateTime(), item.createdBy(),
                item.lastModifiedBy(), item.quickXorHash(), item.sha256Hash(), item.media(), item.retentionLabel(),
                item.sensitivityLabelId(), maskedColumns(masking, item.columns()));
    }

    /**
     * Metadata columns as stored: values masked like names, and SharePoint's own copies of the file name dropped
     * (FileLeafRef and the like repeat the name in clear text).
     */
    static java.util.Map<String, String> maskedColumns(IdentifierMasking masking, java.util.Map<String, String> columns) {
        java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
        columns.forEach((name, value) -> {
            if (!FILE_NAME_COLUMNS.contains(name)) {
                kept.put(name, value == null ? null : masking.maskText(value));
            }
        });
        return kept;
    }

    private static final java.util.Set<String> FILE_NAME_COLUMNS = java.util.Set.of("FileLeafRef", "LinkFilename",
            "LinkFilenameNoMenu", "BaseName", "FileRef", "Title");
}
