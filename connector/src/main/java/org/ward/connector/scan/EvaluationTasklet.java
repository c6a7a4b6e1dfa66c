package org.ward.connector.scan;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ContentCopies;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.check.CheckContext;
import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.facts.Location;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.recordings.RecordingAssessment;

/**
 * Runs the policy's checks over what the inventory stored (no Graph calls) and reconciles the findings register:
 * new problems open, known ones are updated, ones no longer found are resolved.
 */
class EvaluationTasklet implements Tasklet {

    private final ItemStore items;
    private final LocationStore locations;
    private final FindingStore findings;
    private final PolicyPack policy;
    private final IdentifierFingerprint fingerprint;
    private final ScanRuns runs;
    private final ScanProgress progress;
    private final Clock clock;
    private final ContentCopies copies;

    EvaluationTasklet(ItemStore items, LocationStore locations, FindingStore findings, PolicyPack policy,
            IdentifierFingerprint fingerprint, ScanRuns runs, ScanProgress progress, Clock clock, ContentCopies copies) {
        this.copies = copies;
        this.items = items;
        this.locations = locations;
        this.findings = findings;
        this.policy = policy;
        this.fingerprint = fingerprint;
        this.runs = runs;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().getLong(ScanKeys.SCAN_ID);
        Instant now = clock.instant();
        Map<String, Location> sites = locations.locationsBySite(scanId);
        progress.phase("finding copies of recordings by their content");
        copies.mark(policy, driveId -> {
            DiscoveredDrive drive = locations.drive(driveId);
            Location place = drive == null ? null : sites.get(drive.siteId());
            return place == null ? "an unknown place" : place.displayName();
        });
        progress.stage().begin("evaluating recordings against the policy", "recordings", items.countRecordings());
        RecordingAssessment assessment = new RecordingAssessment(CheckContext.of(policy, now, fingerprint));
        FindingStore.Reconciler reconciler = findings.reconciler(assessment.types(), scanId, now);
        items.foldersWithRecordings(folder -> {
            String driveId = folder.get(0).item().driveId();
            DiscoveredDrive drive = locations.drive(driveId);
            Location location = drive == null ? null : sites.get(drive.siteId());
            if (location == null) {
                return;
            }
            LocationContext context = LocationContext.of(location, drive.name(), policy.locations(), sites.values());
            assessment.folder(location, context, drive.webUrl(), folder, reconciler::add);
            progress.stage().advance(folder.stream().filter(ClassifiedItem::recording).count());
        });
        assessment.finish(reconciler::add);
        reconciler.finish();
        runs.addGaps(scanId, assessment.notEvaluatedSentences());
        return RepeatStatus.FINISHED;
    }
}
