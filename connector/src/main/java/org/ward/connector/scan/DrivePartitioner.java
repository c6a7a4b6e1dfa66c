package org.ward.connector.scan;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;

/** One inventory partition per drive the scan's discovery found, named by drive id so a restart finds it again. */
class DrivePartitioner implements Partitioner {

    private final LocationStore locations;
    private final long scanId;
    private final ScanProgress progress;

    DrivePartitioner(LocationStore locations, long scanId, ScanProgress progress) {
        this.locations = locations;
        this.scanId = scanId;
        this.progress = progress;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (DiscoveredDrive drive : locations.drives(scanId)) {
            ExecutionContext context = new ExecutionContext();
            context.putString(ScanKeys.DRIVE_ID, drive.driveId());
            context.putString(ScanKeys.SITE_ID, drive.siteId());
            context.putString(ScanKeys.DRIVE_NAME, drive.name() == null ? "" : drive.name());
            partitions.put(drive.driveId(), context);
        }
        progress.inventory(partitions.size(), 0);
        return partitions;
    }
}
