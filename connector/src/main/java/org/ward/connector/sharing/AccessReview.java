package org.ward.connector.sharing;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
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
import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
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
 * What the sharing step and ward serve's refresh of a place share: reading the permission lists that may have changed
 * ({@link PermissionLists}), refreshing the members of groups named in them, and judging each recording's access —
 * derived from the list that applies to it ({@link EffectiveAccess}) — against the policy, for the tenant or for one
 * place's drives, one drive at a time.
 */
final class AccessReview {

    private final AccessStore access;
    private final PermissionLists lists;
    private final GroupMembers groups;
    private final SharingSettings settings;
    private final ItemStore items;
    private final ScanRuns runs;
    private final ParallelCalls parallel;
    private final PolicyPack policy;

    AccessReview(AccessStore access, PermissionLists lists, GroupMembers groups, SharingSettings settings, ItemStore items,
            ScanRuns runs, ParallelCalls parallel, PolicyPack policy) {
        this.access = access;
        this.lists = lists;
        this.groups = groups;
        this.settings = settings;
        this.items = items;
        this.runs = runs;
        this.parallel = parallel;
        this.policy = policy;
    }

    /** How this scan (or run) reads permission lists, judging each grant member or guest as Graph says today. */
    PermissionLists.Reading reading(Membership membership, Map<org.ward.rules.facts.ItemKey, String> unreadable,
            StageProgress progress) {
        List<String> domains = policy.tenant() == null ? List.of() : policy.tenant().domains();
        return new PermissionLists.Reading(domains, membership, unreadable, progress);
    }

    /**
     * Reads the permission lists of these drives that may have changed: with the hierarchy (delta marks the roots), the
     * libraries' roots and the roots delta marked; without it, every recording's own list.
     *
     * @param driveIds the drives of one place (ward serve's run: no sweep, and lists read earlier in the run are read
     *     again when they may have changed); null for the tenant (every drive the scan saw, and lists of other drives
     *     are forgotten)
     * @param tenantDrives the drives the scan saw, used when driveIds is null
     * @return how many permission lists were read
     */
    long read(Collection<String> driveIds, List<String> tenantDrives, long scanId, boolean hierarchy, boolean sweep,
            PermissionLists.Reading reading) {
        if (driveIds == null) {
            return hierarchy ? lists.readHierarchy(scanId, tenantDrives, sweep, reading)
                    : lists.readEveryRecording(scanId, reading);
        }
        return lists.readPlace(scanId, driveIds, hierarchy, reading);
    }

    /**
     * Reads the members of groups named in the permission lists (of these drives; null for every drive) that no recent
     * scan or run read.
     */
    void refreshGroups(Collection<String> driveIds, Instant now, long scanId, StageProgress progress) {
        List<String> toRefresh = access.groupsToRefresh(driveIds, runs.startedSince(now.minus(settings.membershipRefresh())));
        progress.begin("reading the members of groups that reach recordings", "groups", toRefresh.size());
        parallel.forEach(toRefresh, group -> {
            access.replaceMembers(group, groups.of(group), scanId);
            progress.advance(1);
        });
    }

    /**
     * Judges the access of the recordings in these drives (null: every drive with recordings) and reconciles the
     * findings.
     *
     * @param reconciler makes the reconciliation for the sharing types the policy enables
     * @return the coverage gaps
     */
    List<String> evaluate(Collection<String> driveIds, Map<String, Location> sites, Map<String, DiscoveredDrive> drives,
            Instant now, Membership membership, Function<Set<FindingType>, FindingStore.Reconciler> reconciler,
            IntConsumer done) {
        EnabledChecks<RecordingAccess> checks = SharingCatalogue.checks(CheckContext.of(policy, now));
        FindingStore.Reconciler findings = reconciler.apply(checks.types());
        Collection<String> judged = driveIds == null ? items.drivesWithRecordings() : driveIds;
        for (String driveId : judged) {
            DiscoveredDrive drive = drives.get(driveId);
            Location location = drive == null ? null : sites.get(drive.siteId());
            if (location == null) {
                continue;
            }
            evaluateDrive(driveId, drive, location, now, membership, checks, findings, done);
        }
        findings.finish();
        return checks.notEvaluatedSentences();
    }

    private void evaluateDrive(String driveId, DiscoveredDrive drive, Location location, Instant now, Membership membership,
            EnabledChecks<RecordingAccess> checks, FindingStore.Reconciler findings, IntConsumer done) {
        EffectiveAccess effective = EffectiveAccess.of(driveId, items, access);
        Map<String, List<GroupMember>> members = access.membersOfGroupsIn(driveId);
        Map<String, Audience> audiences = new HashMap<>();
        // Grants read by an earlier scan are judged again: who is a guest is what Graph says today.
        Map<String, List<AccessGrant>> judged = new HashMap<>();
        String owner = location.owners().isEmpty() ? null : String.join(", ", location.owners());
        items.recordings(driveId, row -> {
            done.accept(1);
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
                    audience, members), row.item().path(), findings::add);
        });
    }
}
