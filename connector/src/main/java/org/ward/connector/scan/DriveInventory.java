package org.ward.connector.scan;

import java.util.Collection;

import org.springframework.stereotype.Component;
import org.ward.connector.discovery.DriveCursors;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.graph.GraphCloud;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.inventory.FolderPaths;
import org.ward.connector.inventory.InventorySettings;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.inventory.collect.DriveDelta;
import org.ward.connector.inventory.collect.DriveItemReads;
import org.ward.connector.inventory.collect.ItemDetails;
import org.ward.connector.inventory.collect.ListItemDelta;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.sharing.AccessStore;
import org.ward.connector.sharing.SharingMode;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.classify.RecordingClassifier;
import org.ward.rules.facts.Location;
import org.ward.rules.policy.PolicyPack;

/**
 * Makes the three parts of one drive's inventory — delta reader, classifying processor, writer that commits items with
 * the cursor — for the scan's partitioned step and for ward serve's refresh of a changed drive alike, so both take
 * the same path from Graph's delta to a stored, classified item.
 */
@Component
class DriveInventory {

    private final DriveDelta delta;
    private final ListItemDelta listDelta;
    private final ItemDetails details;
    private final DriveItemReads itemReads;
    private final InventorySettings inventory;
    private final GraphSettings graph;
    private final DriveCursors cursors;
    private final PolicyPack policy;
    private final SharingMode sharing;
    private final RecordingClassifier classifier;
    private final IdentifierMasking masking;
    private final ItemStore items;
    private final AccessStore access;
    private final ScanRuns runs;
    private final ParallelCalls parallel;

    DriveInventory(DriveDelta delta, ListItemDelta listDelta, ItemDetails details, DriveItemReads itemReads,
            InventorySettings inventory, GraphSettings graph, DriveCursors cursors, PolicyPack policy, SharingMode sharing,
            RecordingClassifier classifier, IdentifierMasking masking, ItemStore items, AccessStore access,
            ScanRuns runs, ParallelCalls parallel) {
        this.runs = runs;
        this.parallel = parallel;
        this.delta = delta;
        this.listDelta = listDelta;
        this.details = details;
        this.itemReads = itemReads;
        this.inventory = inventory;
        this.graph = graph;
        this.cursors = cursors;
        this.policy = policy;
        this.sharing = sharing;
        this.classifier = classifier;
        this.masking = masking;
        this.items = items;
        this.access = access;
    }

    /** Reads from the drive's committed cursor (incremental), or from the start when there is none. */
    DriveDeltaReader reader(String driveId, ScanProgress progress) {
        return new DriveDeltaReader(new DriveDeltaReader.Sources(delta, listDelta, details, itemReads, items, cursors, parallel),
                classifier::mayBeRecording, columns -> DriveItemProcessor.maskedColumns(masking, columns), masking::maskText,
                driveId,
                cursorKey(policy, sharing), sharing.deltaReportsSharingChanges(), fieldsSource(inventory, graph), progress);
    }

    /**
     * What a stored cursor was read under: the policy (the stored classification follows it) and whether delta was
     * asked for sharing (the permission roots Ward holds come from those rounds; a token also may not survive a change
     * of the sharing preferences, OneDrive/onedrive-api-docs#1594). A cursor read under anything else is not reused.
     */
    static String cursorKey(PolicyPack policy, SharingMode sharing) {
        return policy.contentHash() + (sharing.deltaReportsSharingChanges() ? "+sharing" : "");
    }

    /**
     * List-item delta unless the settings turn it off or the cloud's Graph does not serve it (listitem-delta's
     * national-cloud table: the global service only).
     */
    static DriveDeltaReader.FieldsSource fieldsSource(InventorySettings inventory, GraphSettings graph) {
        boolean national = java.util.Set.of(GraphCloud.USGOV, GraphCloud.DOD, GraphCloud.CHINA).contains(graph.cloudPreset());
        boolean listDelta = switch (inventory.listItemDelta()) {
            case "on" -> true;
            case "off" -> false;
            default -> !national;
        };
        return listDelta ? DriveDeltaReader.FieldsSource.LIST_ITEM_DELTA : DriveDeltaReader.FieldsSource.ITEM_BY_ITEM;
    }

    /**
     * @param location the drive's location, as discovery recorded it
     * @param sites every location of that discovery
     */
    DriveItemProcessor processor(String driveId, String driveName, Location location, Collection<Location> sites) {
        LocationContext context = LocationContext.of(location, driveName, policy.locations(), sites);
        return new DriveItemProcessor(classifier, masking, context, new FolderPaths(items.folderPaths(driveId)));
    }

    /** @param scanId the scan (or ward serve's run) that marks the items it stores as seen */
    DriveItemWriter writer(String driveId, long scanId, ScanProgress progress) {
        return new DriveItemWriter(items, cursors, driveId, scanId, cursorKey(policy, sharing), progress, access,
                sentences -> runs.addGaps(scanId, sentences));
    }
}
