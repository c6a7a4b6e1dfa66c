package org.ward.connector.sharing;

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
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;
import org.ward.connector.sharing.collect.GroupMembers;
import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.facts.Location;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.sharing.AccessGrant;
import org.ward.rules.sharing.Audience;
import org.ward.rules.sharing.GroupMember;
import org.ward.rules.sharing.Membership;
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
    private final GuestJudgement guests;
    private final StageProgress progress;

    SharingTasklet(AccessStore access, PermissionLists lists, GroupMembers groups, SharingMode mode, SharingSettings settings,
            ItemStore items, LocationStore locations, FindingStore findings, ScanRuns runs, ParallelCalls parallel,
            PolicyPack policy, Clock clock, GuestJudgement guests, StageProgress progress) {
        this.progress = progress;
        this.guests = guests;
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
        List<String> gaps = new ArrayList<>();
        Membership membership;
        Map<ItemKey, String> unreadable = new java.util.concurrent.ConcurrentHashMap<>();
        long reads;
        try {
            progress.phase("reading the directory's users to tell guests from members");
            membership = guests.forScan(scanId, gaps);
            PermissionLists.Reading reading = new PermissionLists.Reading(domains, membership, unreadable, progress);
            reads = hierarchy
                    ? lists.readHierarchy(scanId, locations.drives(scanId).stream().map(DiscoveredDrive::driveId).toList(),
                            everything, reading)
                    : lists.readEveryRecording(scanId, reading);
            if (!unreadable.isEmpty()) {
                gaps.add(unreadableSentence(unreadable, hierarchy));
            }
            if (everything) {
                access.sweptAt(scanId);
            }
            List<String> groupsToRefresh = access.groupsToRefresh(runs.startedSince(now.minus(settings.membershipRefresh())));
            progress.begin("reading the members of groups that reach recordings", "groups", groupsToRefresh.size());
            parallel.forEach(groupsToRefresh, group -> {
                access.replaceMembers(group, groups.of(group), scanId);
                progress.advance(1);
            });
        } catch (GraphAccessException e) {
            if (e.status() != 403) {
                throw e;
            }
            gaps.add("Not evaluated: who can reach recordings (sharing rules). " + e.getMessage());
            runs.addGaps(scanId, gaps);
            return RepeatStatus.FINISHED;
        }
        access.recordReads(scanId, new AccessStore.SharingReads(hierarchy ? "hierarchy" : "every-recording", reads,
                access.listCount(), items.countRecordings()));
        progress.begin("judging who can reach recordings", "recordings", items.countRecordings());
        evaluate(scanId, now, membership);
        String unjudged = GuestJudgement.unjudged(membership);
        if (unjudged != null) {
            gaps.add(unjudged);
        }
        runs.addGaps(scanId, gaps);
        return RepeatStatus.FINISHED;
    }

    /**
     * "Not evaluated: who can reach 2 recordings (items i-…, i-…), because Graph's answer … could not be read (…)." With
     * the hierarchy, the items are permission roots and the recordings those that take their access from them.
     */
    static String unreadableSentence(Map<ItemKey, String> unreadable, boolean hierarchy) {
        List<String> refs = unreadable.keySet().stream().map(k -> org.ward.rules.findings.ItemRefs.of(k.driveId(), k.itemId()))
                .sorted().toList();
        String items = String.join(", ", refs.stream().limit(10).toList()) + (refs.size() > 10 ? ", …" : "");
        String whose = hierarchy
                ? "the recordings that take their access from " + (refs.size() == 1 ? "1 item (item " : refs.size() + " items (items ")
                : refs.size() == 1 ? "1 recording (item " : refs.size() + " recordings (items ";
        return "Not evaluated: who can reach " + whose + items + "), because Graph's answer listing their permissions had a"
                + " value Ward could not read (" + unreadable.values().iterator().next() + "); they are read again on the"
                + " next scan.";
    }

    /** The fallback's sentence (every recording read item by item). */
    static String unreadableSentence(Map<ItemKey, String> unreadable) {
        return unreadableSentence(unreadable, false);
    }

    /** Whether the last full sweep of every permission list started before {@code cutoff}, or never ran. */
    private boolean lastFullSweepBefore(Instant cutoff) {
        return runs.latestStart(access.sweepScans()).map(last -> last.isBefore(cutoff)).orElse(true);
    }

    private void evaluate(long scanId, Instant now, Membership membership) {
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
            // Grants read by an earlier scan are judged again: who is a guest is what Graph says today.
            Map<String, List<AccessGrant>> judged = new HashMap<>();
            String owner = location.owners().isEmpty() ? null : String.join(", ", location.owners());
            items.recordings(driveId, row -> {
                progress.advance(1);
                List<AccessGrant> stored = effective.grantsOf(row.item());
                if (stored == null) {
                    return;
                }
                // Every item that inherits from one list has the same audience.
                String source = effective.sourceOf(row.item());
                List<AccessGrant> grants = source.equals(row.item().itemId()) ? membership.judge(stored)
                        : judged.computeIfAbsent(source, s -> membership.judge(stored));
                Audience audience = audiences.computeIfAbsent(source,
                        s -> Audience.of(grants, members, policy.sharing().everyone(), membership, now));
                checks.run(new RecordingAccess(row, location,
                        FindingResource.ofItem(location.siteId(), location.webUrl(), drive.webUrl(), row.item()), owner, grants,
                        audience, members), row.item().path(), reconciler::add);
            });
        }
        reconciler.finish();
        runs.addGaps(scanId, checks.notEvaluatedSentences());
    }
}
