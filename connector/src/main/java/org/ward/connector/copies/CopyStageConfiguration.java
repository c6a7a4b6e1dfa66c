package org.ward.connector.copies;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;
import org.ward.rules.policy.PolicyPack;

/** Adds the temporary-copies step to the tenant scan. */
@Configuration(proxyBeanMethods = false)
class CopyStageConfiguration {

    @Bean
    ScanStage copyStage(JobRepository jobs, PlatformTransactionManager tx, ItemStore items, LocationStore locations,
            FindingStore findings, PolicyPack policy, ScanRuns runs, Clock wardClock, StageProgress progress) {
        return new ScanStage(15, new StepBuilder("copyStep", jobs).tasklet(new CopyTasklet(items, locations, findings, policy,
                runs, wardClock, progress), tx).build());
    }
}
