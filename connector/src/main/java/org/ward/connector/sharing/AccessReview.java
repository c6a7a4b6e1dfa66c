package org.ward.connector.sharing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.StageProgress;
import org.ward.connector.sharing.collect.GroupMembers;
import org.ward.connector.sharing.collect.PermissionReader;
import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.facts.Location;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.sharing.AccessGrant;
import org.ward.rules.sharing.Audience;
import org.ward.rules.sharing.GroupMember;
import org.ward.rules.sharing.Membership;
import org.ward.rules.sharing.RecordingAccess;
import org.ward.rules.sharing.SharingCatalogue;

/**
 * What the sharing step and ward serve's refresh of a place share: reading recordings' permissions twenty to a
 * $batch, refreshing the members of groups that reach recordings, and judging each recording's access against the
 * policy — for the tenant, or for one place's drives.
 */
final class AccessReview {

    private static final int PER_BATCH = 20;

    private final AccessStore access;
    private final PermissionReader reader;
    private final GroupMembers groups;
    private final SharingSettings settings;
    private final ItemStore items;
    private final ScanRuns runs;
    private final ParallelCalls parallel;
    private final PolicyPack policy;

    AccessReview(AccessStore access, PermissionReader reader, GroupMembers groups, SharingSettings settings, ItemStore items,
            ScanRuns runs, ParallelCalls parallel, PolicyPack policy) {
        this.access = access;
        this.reader = reader;
        this.groups = groups;
        this.settings = settings;
        this.items = items;
        this.runs = runs;
        this.parallel = parallel;
        this.policy = policy;
    }

    /**
     * Reads these recordings' permissions from Graph and stores them as read by the scan (or run), each grant judged
     * member or guest as Graph says today.
     *
     * @param unreadable receives the recordings whose answer Ward could not read, with why
     * @param done told how many recordings each batch covered
     */
    void read(List<ItemKey> recordings, long scanId, Membership membership, Map<ItemKey, String> unreadable,
            IntConsumer done) {
        List<String> domains = policy.tenant() == null ? List.of() : policy.tenant().domains();
        List<List<ItemKey>> batches = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i += PER_BATCH) {
            batches.add(recordings.subList(i, Math.min(recordings.size(), i + PER_BATCH)));
        }
        parallel.forEach(batches, batch -> {
            PermissionReader.Read read = reader.read(batch, domains);
            read.grants().forEach((key, grants) -> access.replace(key, membership.judge(grants), scanId));
            read.unreadable().forEach((key, why) -> {
                access.unreadable(key);
                unreadable.put(key, why);
            });
            done.accept(batch.size());
        });
    }

    /**
     * Reads the members of groups that reach recordings (of these drives; null for every drive) and that no recent
     * scan or run read.
     */
    void refreshGroups(Collection<String> driveIds, Instant now, long scanId, StageProgress progress) {
        List<String> toRefresh = access.groupsToRefresh(driveIds, runs.startedSince(now.minus(settings.membershipRefresh())));
        if (progress != null) {
            progress.begin("reading the members of groups that reach recordings", "groups", toRefresh.size());
        }
        parallel.forEach(toRefresh, group -> {
            access.replaceMembers(group, groups.of(group), scanId);
            if (progress != null) {
                progress.advance(1);
            }
        });
    }

    /**
     * Judges the access of the recordings in these drives (null: every drive) and reconciles the findings.
     *
     * @param reconciler makes the reconciliation for the sharing types the policy enables
     * @return the coverage gaps
     */
    List<String> evaluate(Collection<String> driveIds, Map<String, Location> sites, Map<String, DiscoveredDrive> drives,
            Instant now, Membership membership, Function<Set<FindingType>, FindingStore.Reconciler> reconciler,
            IntConsumer done) {
        Map<ItemKey, List<AccessGrant>> grants = access.grants(driveIds);
        Map<String, List<GroupMember>> members = access.members();
        EnabledChecks<RecordingAccess> checks = SharingCatalogue.checks(CheckContext.of(policy, now));
        FindingStore.Reconciler findings = reconciler.apply(checks.types());
        items.recordings(driveIds, row -> {
            done.accept(1);
            DiscoveredDrive drive = drives.get(row.item().driveId());
            Location location = drive == null ? null : sites.get(drive.siteId());
            List<AccessGrant> stored = grants.get(new ItemKey(row.item().driveId(), row.item().itemId()));
            if (location == null || stored == null) {
                return;
            }
            // Grants read earlier are judged again: who is a guest is what Graph says today.
            List<AccessGrant> itemGrants = membership.judge(stored);
            Audience audience = Audience.of(itemGrants, members, policy.sharing().everyone(), membership, now);
            String owner = location.owners().isEmpty() ? null : String.join(", ", location.owners());
            checks.run(new RecordingAccess(row, location,
                    FindingResource.ofItem(location.siteId(), location.webUrl(), drive.webUrl(), row.item()), owner, itemGrants,
                    audience, members), row.item().path(), findings::add);
        });
        findings.finish();
        return checks.notEvaluatedSentences();
    }
}
