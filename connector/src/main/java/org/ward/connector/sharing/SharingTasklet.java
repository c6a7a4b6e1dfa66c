package org.ward.connector.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
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
import org.ward.connector.sharing.collect.PermissionReader;
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
 * The sharing step: reads the permissions of the recordings whose sharing may have changed (all of them when delta
 * cannot say, or on the periodic full sweep), twenty to a $batch; refreshes the membership of groups that can reach
 * recordings; then judges every recording's access against the policy and reconciles the findings.
 */
class SharingTasklet implements Tasklet {

    private final AccessStore access;
    private final PermissionReader reader;
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

    SharingTasklet(AccessStore access, PermissionReader reader, GroupMembers groups, SharingMode mode, SharingSettings settings,
            ItemStore items, LocationStore locations, FindingStore findings, ScanRuns runs, ParallelCalls parallel,
            PolicyPack policy, Clock clock, GuestJudgement guests, StageProgress progress) {
        this.progress = progress;
        this.guests = guests;
        this.access = access;
        this.reader = reader;
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
        List<ItemKey> recordings = items.recordingKeys();
        access.forgetAllBut(new HashSet<>(recordings));
        List<String> gaps = new ArrayList<>();
        boolean everything = !mode.deltaReportsSharingChanges() || lastFullSweepBefore(now.minus(settings.fullSweepEvery()));
        List<String> domains = policy.tenant() == null ? List.of() : policy.tenant().domains();
        Membership membership;
        try {
            progress.phase("reading the directory's users to tell guests from members");
            membership = guests.forScan(scanId, gaps);
            List<ItemKey> toRead = access.toRead(recordings, everything, scanId);
            List<List<ItemKey>> batches = new ArrayList<>();
            for (int i = 0; i < toRead.size(); i += 20) {
                batches.add(toRead.subList(i, Math.min(toRead.size(), i + 20)));
            }
            progress.begin("reading who can reach recordings", "recordings", toRead.size());
            Map<ItemKey, String> unreadable = new java.util.concurrent.ConcurrentHashMap<>();
            parallel.forEach(batches, batch -> {
                PermissionReader.Read read = reader.read(batch, domains);
                read.grants().forEach((key, grants) -> access.replace(key, membership.judge(grants), scanId));
                read.unreadable().forEach((key, why) -> {
                    access.unreadable(key);
                    unreadable.put(key, why);
                });
                progress.advance(batch.size());
            });
            if (!unreadable.isEmpty()) {
                gaps.add(unreadableSentence(unreadable));
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
        progress.begin("judging who can reach recordings", "recordings", recordings.size());
        evaluate(scanId, now, membership);
        String unjudged = GuestJudgement.unjudged(membership);
        if (unjudged != null) {
            gaps.add(unjudged);
        }
        runs.addGaps(scanId, gaps);
        return RepeatStatus.FINISHED;
    }

    /** "Not evaluated: who can reach 2 recordings (items i-…, i-…), because Graph's answer … could not be read (…)." */
    static String unreadableSentence(Map<ItemKey, String> unreadable) {
        List<String> refs = unreadable.keySet().stream().map(k -> org.ward.rules.findings.ItemRefs.of(k.driveId(), k.itemId()))
                .sorted().toList();
        return "Not evaluated: who can reach " + (refs.size() == 1 ? "1 recording (item " : refs.size() + " recordings (items ")
                + String.join(", ", refs.stream().limit(10).toList()) + (refs.size() > 10 ? ", …" : "") + "), because Graph's"
                + " answer listing their permissions had a value Ward could not read (" + unreadable.values().iterator().next()
                + "); they are read again on the next scan.";
    }

    /** Whether the last full sweep of every recording's permissions started before {@code cutoff}, or never ran. */
    private boolean lastFullSweepBefore(Instant cutoff) {
        return runs.latestStart(access.sweepScans()).map(last -> last.isBefore(cutoff)).orElse(true);
    }

    private void evaluate(long scanId, Instant now, Membership membership) {
        Map<ItemKey, List<AccessGrant>> grants = access.all();
        Map<String, List<GroupMember>> members = access.members();
        Map<String, Location> sites = locations.locationsBySite(scanId);
        Map<String, DiscoveredDrive> drives = locations.drivesById(scanId);
        EnabledChecks<RecordingAccess> checks = SharingCatalogue.checks(CheckContext.of(policy, now));
        FindingStore.Reconciler reconciler = findings.reconciler(checks.types(), scanId, now);
        items.recordings(row -> {
            progress.advance(1);
            DiscoveredDrive drive = drives.get(row.item().driveId());
            Location location = drive == null ? null : sites.get(drive.siteId());
            List<AccessGrant> stored = grants.get(new ItemKey(row.item().driveId(), row.item().itemId()));
            if (location == null || stored == null) {
                return;
            }
            // Grants read by an earlier scan are judged again: who is a guest is what Graph says today.
            List<AccessGrant> itemGrants = membership.judge(stored);
            Audience audience = Audience.of(itemGrants, members, policy.sharing().everyone(), membership, now);
            String owner = location.owners().isEmpty() ? null : String.join(", ", location.owners());
            checks.run(new RecordingAccess(row, location,
                    FindingResource.ofItem(location.siteId(), location.webUrl(), drive.webUrl(), row.item()), owner, itemGrants,
                    audience, members), row.item().path(), reconciler::add);
        });
        reconciler.finish();
        runs.addGaps(scanId, checks.notEvaluatedSentences());
    }
}
