package org.ward.connector.scan;

import java.util.Collection;

import org.springframework.stereotype.Component;
import org.ward.connector.discovery.DriveCursors;
import org.ward.connector.inventory.FolderPaths;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.inventory.collect.DriveDelta;
import org.ward.connector.inventory.collect.ItemDetails;
import org.ward.connector.sharing.AccessStore;
import org.ward.connector.sharing.SharingMode;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.classify.RecordingClassifier;
import org.ward.rules.facts.ItemRecord;
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
    private final ItemDetails details;
    private final DriveCursors cursors;
    private final PolicyPack policy;
    private final SharingMode sharing;
    private final RecordingClassifier classifier;
    private final IdentifierMasking masking;
    private final ItemStore items;
    private final AccessStore access;

    DriveInventory(DriveDelta delta, ItemDetails details, DriveCursors cursors, PolicyPack policy, SharingMode sharing,
            RecordingClassifier classifier, IdentifierMasking masking, ItemStore items, AccessStore access) {
        this.delta = delta;
        this.details = details;
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
        return new DriveDeltaReader(delta, details, item -> mayBeRecording(classifier, item), driveId,
                cursors.deltaLink(driveId, policy.contentHash()), sharing.deltaReportsSharingChanges(), progress);
    }

    /**
     * A file some recording kind's media signals match (the classifier scores it at all): only such a file can be a
     * recording, so only it needs its retention label and metadata columns.
     */
    static boolean mayBeRecording(RecordingClassifier classifier, ItemRecord item) {
        return !item.folder() && classifier.classify(item.withPath("/" + item.name()), null).score() > 0;
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
        return new DriveItemWriter(items, cursors, driveId, scanId, policy.contentHash(), progress, access);
    }
}
