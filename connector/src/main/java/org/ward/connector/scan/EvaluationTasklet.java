package org.ward.connector.scan;

import java.time.Clock;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.policy.PolicyPack;

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

    EvaluationTasklet(ItemStore items, LocationStore locations, FindingStore findings, PolicyPack policy,
            IdentifierFingerprint fingerprint, ScanRuns runs, ScanProgress progress, Clock clock) {
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
        progress.phase("evaluating recordings against the policy");
        List<String> gaps = new RecordingEvaluation(items, findings, policy, fingerprint)
                .tenant(scanId, locations.locationsBySite(scanId), locations::drive, clock.instant());
        runs.addGaps(scanId, gaps);
        return RepeatStatus.FINISHED;
    }
}
