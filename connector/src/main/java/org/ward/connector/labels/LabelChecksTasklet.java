package org.ward.connector.labels;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.labels.collect.ItemRetentionLabels;
import org.ward.connector.labels.collect.TenantLabelCatalogue.CatalogueLabel;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.classify.LabelVerdict;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.RetentionLabelState;
import org.ward.rules.labels.LabelsCatalogue;
import org.ward.rules.labels.PatientFileFacts;
import org.ward.rules.labels.RecordLabelFacts;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;

/**
 * The label-checks step, after the file labels are read: judges the sensitivity label of every Office or PDF file
 * naming a patient beside recordings against the pack's {@code fileSensitivity}, re-reads the retention label of each
 * recording that carries another label than its kind's to learn whether it is a record, and reconciles the labels
 * family's findings. A finding whose label a later scan sees in place is resolved here.
 */
class LabelChecksTasklet implements Tasklet {

    private final ItemStore items;
    private final LocationStore locations;
    private final TenantLabels tenantLabels;
    private final ItemRetentionLabels retentionLabels;
    private final FindingStore findings;
    private final ScanRuns runs;
    private final PolicyPack policy;
    private final Clock clock;

    LabelChecksTasklet(ItemStore items, LocationStore locations, TenantLabels tenantLabels, ItemRetentionLabels retentionLabels,
            FindingStore findings, ScanRuns runs, PolicyPack policy, Clock clock) {
        this.items = items;
        this.locations = locations;
        this.tenantLabels = tenantLabels;
        this.retentionLabels = retentionLabels;
        this.findings = findings;
        this.runs = runs;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().getLong(ScanStage.SCAN_ID);
        Instant now = clock.instant();
        CheckContext context = CheckContext.of(policy, now);
        EnabledChecks<PatientFileFacts> fileChecks = LabelsCatalogue.checks(PatientFileFacts.class, context);
        EnabledChecks<RecordLabelFacts> recordChecks = LabelsCatalogue.checks(RecordLabelFacts.class, context);
        Map<String, Location> sites = locations.locationsBySite(scanId);
        Map<String, DiscoveredDrive> drives = locations.drivesById(scanId);
        List<String> gaps = new ArrayList<>();

        // Read everything first: a type whose facts could not be read keeps its open findings as they are.
        TenantLabels.Named named = tenantLabels.read();
        Map<ClassifiedItem, RetentionLabelState> records = new LinkedHashMap<>();
        Set<FindingType> types = new LinkedHashSet<>(fileChecks.types());
        List<ClassifiedItem> otherLabel = recordingsWithAnotherRetentionLabel(context);
        try {
            Map<ItemKey, RetentionLabelState> read = retentionLabels.read(otherLabel.stream()
                    .map(r -> new ItemKey(r.item().driveId(), r.item().itemId())).toList());
            otherLabel.forEach(r -> {
                RetentionLabelState state = read.get(new ItemKey(r.item().driveId(), r.item().itemId()));
                if (state != null) {
                    records.put(r, state);
                }
            });
            types.addAll(recordChecks.types());
        } catch (GraphAccessException e) {
            if (e.status() != 403) {
                throw e;
            }
            gaps.add("Not evaluated: whether recordings with another retention label are records. " + e.getMessage());
        }

        FindingStore.Reconciler reconciler = findings.reconciler(types, scanId, now);
        Set<ItemKey> read = items.sensitivityLabelsRead();
        items.foldersWithRecordings(folder -> {
            Set<String> kinds = new TreeSet<>();
            folder.stream().filter(ClassifiedItem::recording).map(ClassifiedItem::kind).filter(k -> k != null).forEach(kinds::add);
            for (ClassifiedItem file : folder) {
                if (file.recording() || file.identifiers().isEmpty() || !LabelableFile.labelable(file.item().name())) {
                    continue;
                }
                Location location = where(file, sites, drives);
                if (location == null) {
                    continue;
                }
                String labelId = file.item().sensitivityLabelId();
                CatalogueLabel label = labelId == null ? null : named.labels().get(labelId.toLowerCase(java.util.Locale.ROOT));
                String unread = !read.contains(new ItemKey(file.item().driveId(), file.item().itemId()))
                        ? "Ward has not read the file's sensitivity label."
                        : labelId != null && label == null && policy.labels().rank(labelId, null).isEmpty() && named.unavailable() != null
                                ? "Ward cannot name the file's sensitivity label " + labelId + ": " + named.unavailable()
                                : null;
                fileChecks.run(new PatientFileFacts(file, location, drives.get(file.item().driveId()).webUrl(), kinds, unread,
                        labelId, label == null ? null : label.name()), file.item().path(), reconciler::add);
            }
        });
        records.forEach((recording, state) -> {
            Location location = where(recording, sites, drives);
            if (location != null) {
                recordChecks.run(new RecordLabelFacts(recording, location, drives.get(recording.item().driveId()).webUrl(),
                        state), recording.item().path(), reconciler::add);
            }
        });
        reconciler.finish();
        gaps.addAll(fileChecks.notEvaluatedSentences());
        gaps.addAll(recordChecks.notEvaluatedSentences());
        runs.addGaps(scanId, gaps);
        return RepeatStatus.FINISHED;
    }

    /** Recordings carrying a retention label other than the one the pack names for their kind. */
    private List<ClassifiedItem> recordingsWithAnotherRetentionLabel(CheckContext context) {
        List<ClassifiedItem> found = new ArrayList<>();
        items.recordings(r -> {
            if (context.labels().retentionLabel(r.kind(), r.item().retentionLabel()).status() == LabelVerdict.Status.DIFFERENT) {
                found.add(r);
            }
        });
        return found;
    }

    private static Location where(ClassifiedItem item, Map<String, Location> sites, Map<String, DiscoveredDrive> drives) {
        DiscoveredDrive drive = drives.get(item.item().driveId());
        return drive == null ? null : sites.get(drive.siteId());
    }
}
