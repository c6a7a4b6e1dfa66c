package org.ward.connector.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.sharing.collect.GroupMembers;
import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.facts.Location;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.sharing.AccessGrant;
import org.ward.rules.sharing.Audience;
import org.ward.rules.sharing.GroupMember;
import org.ward.rules.sharing.RecordingAccess;
import org.ward.rules.sharing.SharingCatalogue;

/**
 * The sharing step: reads the permission lists that may have changed ({@link PermissionLists}: the roots of
 * permission hierarchies and each library's root with Sites.FullControl.All, every recording without it), twenty to
 * a $batch; refreshes the membership of groups that can reach recordings; then judges every recording's access —
 * derived from the list that applies to it ({@link EffectiveAccess}) — against the policy and reconciles the findings.
 * It works one drive at a time, so what it holds does not grow with the tenant.
 */
class SharingTasklet implements Tasklet {

    private final AccessStore access;
    private final PermissionLists lists;
    private final GroupMembers groups;
    private final SharingMode mode;
    private final SharingSettings settings;
    private final ItemStore items;
    private final LocationStore locations;
    private final FindingStore findings;
    private final ScanRuns runs;
    private final ParallelCalls parallel;
    private final PolicyPack policy;
    private final Clock clock;

    SharingTasklet(AccessStore access, PermissionLists lists, GroupMembers groups, SharingMode mode, SharingSettings settings,
            ItemStore items, LocationStore locations, FindingStore findings, ScanRuns runs, ParallelCalls parallel,
            PolicyPack policy, Clock clock) {
        this.access = access;
        this.lists = lists;
        this.groups = groups;
        this.mode = mode;
        this.settings = settings;
        this.items = items;
        this.locations = locations;
        this.findings = findings;
        this.runs = runs;
        this.parallel = parallel;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().getLong(ScanStage.SCAN_ID);
        Instant now = clock.instant();
        if (!settings.enabled()) {
            runs.addGaps(scanId, List.of("Not evaluated: who can reach recordings (sharing rules), because"
                    + " ward.sharing.enabled is false."));
            return RepeatStatus.FINISHED;
        }
        boolean hierarchy = mode.deltaReportsSharingChanges();
        boolean everything = !hierarchy || lastFullSweepBefore(now.minus(settings.fullSweepEvery()));
        List<String> domains = policy.tenant() == null ? List.of() : policy.tenant().domains();
        long reads;
        try {
            reads = hierarchy
                    ? lists.readHierarchy(scanId, locations.drives(scanId).stream().map(DiscoveredDrive::driveId).toList(),
                            everything, domains)
                    : lists.readEveryRecording(scanId, domains);
            if (everything) {
                access.sweptAt(scanId);
            }
            parallel.forEach(access.groupsToRefresh(runs.startedSince(now.minus(settings.membershipRefresh()))),
                    group -> access.replaceMembers(group, groups.of(group), scanId));
        } catch (GraphAccessException e) {
            if (e.status() != 403) {
                throw e;
            }
            runs.addGaps(scanId, List.of("Not evaluated: who can reach recordings (sharing rules). " + e.getMessage()));
            return RepeatStatus.FINISHED;
        }
        access.recordReads(scanId, new AccessStore.SharingReads(hierarchy ? "hierarchy" : "every-recording", reads,
                access.listCount(), items.countRecordings()));
        evaluate(scanId, now);
        return RepeatStatus.FINISHED;
    }

    /** Whether the last full sweep of every permission list started before {@code cutoff}, or never ran. */
    private boolean lastFullSweepBefore(Instant cutoff) {
        return runs.latestStart(access.sweepScans()).map(last -> last.isBefore(cutoff)).orElse(true);
    }

    private void evaluate(long scanId, Instant now) {
        Map<String, Location> sites = locations.locationsBySite(scanId);
        Map<String, DiscoveredDrive> drives = locations.drivesById(scanId);
        EnabledChecks<RecordingAccess> checks = SharingCatalogue.checks(CheckContext.of(policy, now));
        FindingStore.Reconciler reconciler = findings.reconciler(checks.types(), scanId, now);
        for (String driveId : items.drivesWithRecordings()) {
            DiscoveredDrive drive = drives.get(driveId);
            Location location = drive == null ? null : sites.get(drive.siteId());
            if (location == null) {
                continue;
            }
            EffectiveAccess effective = EffectiveAccess.of(driveId, items, access);
            Map<String, List<GroupMember>> members = access.membersOfGroupsIn(driveId);
            Map<String, Audience> audiences = new HashMap<>();
            String owner = location.owners().isEmpty() ? null : String.join(", ", location.owners());
            items.recordings(driveId, row -> {
                List<AccessGrant> grants = effective.grantsOf(row.item());
                if (grants == null) {
                    return;
                }
                // Every item that inherits from one list has the same audience.
                Audience audience = audiences.computeIfAbsent(effective.sourceOf(row.item()),
                        source -> Audience.of(grants, members, policy.sharing().everyone(), now));
                checks.run(new RecordingAccess(row, location,
                        FindingResource.ofItem(location.siteId(), location.webUrl(), drive.webUrl(), row.item()), owner, grants,
                        audience, members), row.item().path(), reconciler::add);
            });
        }
        reconciler.finish();
        runs.addGaps(scanId, checks.notEvaluatedSentences());
    }
}
