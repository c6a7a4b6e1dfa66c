package org.ward.connector.labels;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.labels.collect.FileSensitivityLabels;
import org.ward.connector.labels.collect.ItemRetentionLabels;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;
import org.ward.rules.policy.PolicyPack;

/** Adds the file-label step and the label checks after it to the tenant scan, before sharing. */
@Configuration(proxyBeanMethods = false)
class FileLabelStageConfiguration {

    @Bean
    ScanStage fileLabelStage(JobRepository jobs, PlatformTransactionManager tx, ItemStore items, FileSensitivityLabels labels,
            ParallelCalls parallel, ScanRuns runs, StageProgress progress) {
        return new ScanStage(5, new StepBuilder("fileLabelStep", jobs).tasklet(new FileLabelTasklet(items, labels, parallel,
                runs, progress), tx).build());
    }

    @Bean
    ScanStage labelChecksStage(JobRepository jobs, PlatformTransactionManager tx, ItemStore items, LocationStore locations,
            TenantLabels tenantLabels, ItemRetentionLabels retentionLabels, FindingStore findings, ScanRuns runs,
            PolicyPack policy, Clock wardClock, StageProgress progress) {
        LabelChecksTasklet checks = new LabelChecksTasklet(items, locations, tenantLabels, retentionLabels, findings, runs,
                policy, wardClock);
        return new ScanStage(6, new StepBuilder("labelChecksStep", jobs).tasklet((contribution, chunk) -> {
            progress.phase("judging the labels of patient files and recordings");
            return checks.execute(contribution, chunk);
        }, tx).build());
    }
}
