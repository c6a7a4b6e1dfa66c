package org.ward.connector.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.sharing.Membership;

/**
 * The sharing step: reads the permission lists that may have changed ({@link PermissionLists}: the roots of
 * permission hierarchies and each library's root with Sites.FullControl.All, every recording without it), twenty to
 * a $batch; refreshes the membership of groups that can reach recordings; then judges every recording's access —
 * derived from the list that applies to it ({@link EffectiveAccess}) — against the policy and reconciles the findings.
 * It works one drive at a time, so what it holds does not grow with the tenant. Ward serve's refresh of one place
 * ({@link SharingPlaceStage}) does the same through {@link AccessReview} for that place's drives.
 */
class SharingTasklet implements Tasklet {

    private final AccessStore access;
    private final AccessReview review;
    private final SharingMode mode;
    private final SharingSettings settings;
    private final ItemStore items;
    private final LocationStore locations;
    private final FindingStore findings;
    private final ScanRuns runs;
    private final Clock clock;
    private final GuestJudgement guests;
    private final StageProgress progress;

    SharingTasklet(AccessStore access, AccessReview review, SharingMode mode, SharingSettings settings, ItemStore items,
            LocationStore locations, FindingStore findings, ScanRuns runs, Clock clock, GuestJudgement guests,
            StageProgress progress) {
        this.progress = progress;
        this.guests = guests;
        this.access = access;
        this.review = review;
        this.mode = mode;
        this.settings = settings;
        this.items = items;
        this.locations = locations;
        this.findings = findings;
        this.runs = runs;
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
        List<String> gaps = new ArrayList<>();
        Membership membership;
        Map<ItemKey, String> unreadable = new ConcurrentHashMap<>();
        long reads;
        try {
            progress.phase("reading the directory's users to tell guests from members");
            membership = guests.forScan(scanId, gaps);
            reads = review.read(null, locations.drives(scanId).stream().map(DiscoveredDrive::driveId).toList(), scanId,
                    hierarchy, everything, review.reading(membership, unreadable, progress));
            if (!unreadable.isEmpty()) {
                gaps.add(unreadableSentence(unreadable, hierarchy));
            }
            if (everything) {
                access.sweptAt(scanId);
            }
            review.refreshGroups(null, now, scanId, progress);
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
        gaps.addAll(review.evaluate(null, locations.locationsBySite(scanId), locations.drivesById(scanId), now, membership,
                types -> findings.reconciler(types, scanId, now), progress::advance));
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
}
