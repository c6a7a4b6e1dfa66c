package org.ward.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.runs.ScanRuns;

import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.DriveItemCollectionResponse;
import com.microsoft.graph.models.PermissionCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * The crawl popular community sharing-report scripts do (PnP PowerShell and Graph samples that list "who has access
 * to what"): walk every folder's children from each library's root, and list every file's permissions. It runs
 * through Ward's own Graph client — same resilience layer, same resource-unit budget, same concurrency cap, one drive
 * per thread — over the libraries Ward's last scan discovered (the crawl's own site and drive listing is not counted,
 * in its favour). It has no incremental form: a rescan repeats it.
 */
final class CommunityCrawl {

    /** What the crawl saw. */
    record Result(long folders, long files) {
    }

    private CommunityCrawl() {
    }

    static Result run(ConfigurableApplicationContext ward) {
        GraphServiceClient graph = ward.getBean(GraphServiceClient.class);
        long scanId = ward.getBean(ScanRuns.class).latestCompleted().orElseThrow().scanId();
        List<DiscoveredDrive> drives = ward.getBean(LocationStore.class).drives(scanId);
        AtomicLong folders = new AtomicLong();
        AtomicLong files = new AtomicLong();
        ward.getBean(ParallelCalls.class).forEach(drives, drive -> {
            Deque<String> pending = new ArrayDeque<>(List.of("root"));
            while (!pending.isEmpty()) {
                String folderId = pending.pop();
                folders.incrementAndGet();
                DriveItemCollectionResponse page = graph.drives().byDriveId(drive.driveId()).items().byDriveItemId(folderId)
                        .children().get();
                while (page != null) {
                    for (DriveItem child : page.getValue()) {
                        if (child.getFolder() != null) {
                            pending.push(child.getId());
                        } else {
                            files.incrementAndGet();
                            PermissionCollectionResponse permissions = graph.drives().byDriveId(drive.driveId()).items()
                                    .byDriveItemId(child.getId()).permissions().get();
                            if (permissions == null) {
                                throw new IllegalStateException("no permissions answer for an item");
                            }
                        }
                    }
                    page = page.getOdataNextLink() == null ? null : graph.drives().byDriveId(drive.driveId()).items()
                            .byDriveItemId(folderId).children().withUrl(page.getOdataNextLink()).get();
                }
            }
        });
        return new Result(folders.get(), files.get());
    }
}
