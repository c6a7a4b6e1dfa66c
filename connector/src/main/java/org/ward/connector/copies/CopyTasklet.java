package org.ward.connector.copies;

import java.time.Clock;
import java.time.Instant;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;
import org.ward.rules.policy.PolicyPack;

/**
 * The copies step (no Graph calls): finds recordings in OneDrives and, by content hash, their copies in approved
 * locations; judges them against the policy and reconciles the findings.
 */
class CopyTasklet implements Tasklet {

    private final CopyEvaluation evaluation;
    private final LocationStore locations;
    private final FindingStore findings;
    private final ScanRuns runs;
    private final Clock clock;
    private final StageProgress progress;

    CopyTasklet(ItemStore items, LocationStore locations, FindingStore findings, PolicyPack policy, ScanRuns runs,
            Clock clock, StageProgress progress) {
        this.evaluation = new CopyEvaluation(items, policy);
        this.locations = locations;
        this.findings = findings;
        this.runs = runs;
        this.clock = clock;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().getLong(ScanStage.SCAN_ID);
        Instant now = clock.instant();
        progress.phase("judging recordings in OneDrives against their approved copies");
        runs.addGaps(scanId, evaluation.evaluate(null, locations.locationsBySite(scanId), locations.drivesById(scanId), now,
                types -> findings.reconciler(types, scanId, now)));
        return RepeatStatus.FINISHED;
    }
}
