package org.ward.connector.protect;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;

/**
 * The protect stage, last of the scan's stages: when {@code ward.protection.enabled} and {@code during-scan} are both
 * true, it applies the labels this scan's findings call for and works through the sensitivity-label queue for at most
 * {@code ward.protection.scan-wait}, leaving the rest queued. Otherwise it does nothing.
 */
@Configuration(proxyBeanMethods = false)
class ProtectStageConfiguration {

    static final String ACTOR = "ward scan (ward.protection.during-scan)";

    @Bean
    ScanStage protectStage(JobRepository jobs, PlatformTransactionManager tx, Protector protector, ProtectionSettings settings,
            ScanRuns runs, StageProgress progress) {
        Tasklet tasklet = (StepContribution contribution, ChunkContext chunk) -> {
            if (!settings.inScans()) {
                return RepeatStatus.FINISHED;
            }
            long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext()
                    .getLong(ScanStage.SCAN_ID);
            progress.phase("applying the labels the findings call for (ward.protection.during-scan)");
            Protector.Result result = protector.apply(scanId, ACTOR, settings.scanWait());
            List<String> notes = new ArrayList<>();
            if (result.outcome() == Protector.Outcome.MISSING_PERMISSION || result.outcome() == Protector.Outcome.REFUSED) {
                result.notes().forEach(n -> notes.add("Not protected: " + n));
            }
            runs.addGaps(scanId, notes);
            return RepeatStatus.FINISHED;
        };
        return new ScanStage(25, new StepBuilder("protectStep", jobs).tasklet(tasklet, tx).build());
    }
}
