package org.ward.connector.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;

/**
 * The identity step of the tenant scan: runs the identity checks under the scan's id and adds every check that could
 * not run, with its reason, to the scan's coverage gaps.
 */
class IdentityTasklet implements Tasklet {

    private final IdentityService checks;
    private final ScanRuns runs;
    private final String tenantId;

    IdentityTasklet(IdentityService checks, ScanRuns runs, String tenantId) {
        this.checks = checks;
        this.runs = runs;
        this.tenantId = tenantId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                .getLong(ScanStage.SCAN_ID);
        IdentityRun run = checks.run(scanId, tenantId);
        runs.find(scanId).ifPresent(scan -> {
            List<String> gaps = new ArrayList<>(scan.gaps());
            gaps.addAll(run.gaps());
            runs.gaps(scanId, gaps);
        });
        runs.incomplete(scanId, run.incomplete());
        return RepeatStatus.FINISHED;
    }
}
