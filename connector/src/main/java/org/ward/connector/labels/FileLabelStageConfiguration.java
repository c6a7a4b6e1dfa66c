package org.ward.connector.labels;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.labels.collect.FileSensitivityLabels;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;

/** Adds the file-label step to the tenant scan, before sharing. */
@Configuration(proxyBeanMethods = false)
class FileLabelStageConfiguration {

    @Bean
    ScanStage fileLabelStage(JobRepository jobs, PlatformTransactionManager tx, ItemStore items, FileSensitivityLabels labels,
            ParallelCalls parallel, ScanRuns runs, StageProgress progress) {
        return new ScanStage(5, new StepBuilder("fileLabelStep", jobs).tasklet(new FileLabelTasklet(items, labels, parallel,
                runs, progress), tx).build());
    }
}
