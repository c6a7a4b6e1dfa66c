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
 * The sharing step: reads the permissions of the recordings whose sharing may have changed (all of them when delta
 * cannot say, or on the periodic full sweep), twenty to a $batch; refreshes the membership of groups that can reach
 * recordings; then judges every recording's access against the policy and reconciles the findings.
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
        List<ItemKey> recordings = items.recordingKeys();
        access.forgetAllBut(new HashSet<>(recordings));
        List<String> gaps = new ArrayList<>();
        boolean everything = !mode.deltaReportsSharingChanges() || lastFullSweepBefore(now.minus(settings.fullSweepEvery()));
        Membership membership;
        try {
            progress.phase("reading the directory's users to tell guests from members");
            membership = guests.forScan(scanId, gaps);
            List<ItemKey> toRead = access.toRead(recordings, everything, scanId);
            progress.begin("reading who can reach recordings", "recordings", toRead.size());
            Map<ItemKey, String> unreadable = new java.util.concurrent.ConcurrentHashMap<>();
            review.read(toRead, scanId, membership, unreadable, progress::advance);
            if (!unreadable.isEmpty()) {
                gaps.add(unreadableSentence(unreadable));
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
        progress.begin("judging who can reach recordings", "recordings", recordings.size());
        gaps.addAll(review.evaluate(null, locations.locationsBySite(scanId), locations.drivesById(scanId), now, membership,
                types -> findings.reconciler(types, scanId, now), progress::advance));
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
}
