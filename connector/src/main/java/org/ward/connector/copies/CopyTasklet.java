package org.ward.connector.copies;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;
import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.copies.OneDriveRecording;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.policy.PolicyPack;

/**
 * The copies step (no Graph calls): finds recordings in OneDrives and, by content hash, their copies in approved
 * locations; judges them against the policy and reconciles the findings.
 */
class CopyTasklet implements Tasklet {

    private final ItemStore items;
    private final LocationStore locations;
    private final FindingStore findings;
    private final PolicyPack policy;
    private final ScanRuns runs;
    private final Clock clock;
    private final StageProgress progress;

    CopyTasklet(ItemStore items, LocationStore locations, FindingStore findings, PolicyPack policy, ScanRuns runs,
            Clock clock, StageProgress progress) {
        this.items = items;
        this.locations = locations;
        this.findings = findings;
        this.policy = policy;
        this.runs = runs;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().getLong(ScanStage.SCAN_ID);
        Instant now = clock.instant();
        progress.phase("looking for recordings left in OneDrives");
        Map<String, Location> sites = locations.locationsBySite(scanId);
        Map<String, DiscoveredDrive> drives = locations.drivesById(scanId);
        Map<String, List<OneDriveRecording.ApprovedCopy>> approvedByContent = new HashMap<>();
        List<ClassifiedItem> inOneDrives = new ArrayList<>();
        items.recordings(row -> {
            DiscoveredDrive drive = drives.get(row.item().driveId());
            Location location = drive == null ? null : sites.get(drive.siteId());
            if (location == null) {
                return;
            }
            if (location.kind() == LocationKind.ONEDRIVE) {
                inOneDrives.add(row);
            } else if (row.kind() != null && LocationContext.of(location, drive.name(), policy.locations(), sites.values())
                    .approvedFor(row.kind())) {
                for (String hash : contentKeys(row)) {
                    approvedByContent.computeIfAbsent(hash, k -> new ArrayList<>()).add(new OneDriveRecording.ApprovedCopy(
                            location.displayName(), location.webUrl(), row.item().path(), row.item().createdDateTime()));
                }
            }
        });
        EnabledChecks<OneDriveRecording> checks = CopiesCatalogue.checks(CheckContext.of(policy, now));
        FindingStore.Reconciler reconciler = findings.reconciler(checks.types(), scanId, now);
        progress.begin("judging recordings in OneDrives against their approved copies", "recordings", inOneDrives.size());
        for (ClassifiedItem row : inOneDrives) {
            progress.advance(1);
            DiscoveredDrive drive = drives.get(row.item().driveId());
            Location oneDrive = sites.get(drive.siteId());
            List<OneDriveRecording.ApprovedCopy> copies = new ArrayList<>();
            for (String hash : contentKeys(row)) {
                copies.addAll(approvedByContent.getOrDefault(hash, List.of()));
            }
            checks.run(new OneDriveRecording(row, oneDrive,
                    FindingResource.ofItem(oneDrive.siteId(), oneDrive.webUrl(), drive.webUrl(), row.item()),
                    copies.stream().distinct().toList()), row.item().path(), reconciler::add);
        }
        reconciler.finish();
        runs.addGaps(scanId, checks.notEvaluatedSentences());
        return RepeatStatus.FINISHED;
    }

    /** quickXorHash always; sha256Hash too where SharePoint gives one. */
    private static List<String> contentKeys(ClassifiedItem row) {
        List<String> keys = new ArrayList<>();
        if (row.item().quickXorHash() != null) {
            keys.add("qx:" + row.item().quickXorHash());
        }
        if (row.item().sha256Hash() != null) {
            keys.add("sha256:" + row.item().sha256Hash());
        }
        return keys;
    }
}
