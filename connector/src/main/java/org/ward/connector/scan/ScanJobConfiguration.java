package org.ward.connector.scan;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.discovery.DiscoveryUnits;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.discovery.collect.TenantDiscovery;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphCloud;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.privacy.InstallationKey;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.classify.RecordingClassifier;
import org.ward.rules.facts.Location;
import org.ward.rules.policy.PolicyPack;

/**
 * The tenant scan job: discover → inventory (one partition per drive, chunks committed with their delta cursor) →
 * evaluate → finish. Restartable from the job repository in Ward's database.
 */
@Configuration(proxyBeanMethods = false)
class ScanJobConfiguration {

    static final String JOB = "tenantScanJob";
    /**
     * Entries per committed chunk: one delta page's worth ($top=1000), so a page costs one commit and one update of the
     * step's saved position rather than two (the commits were a twentieth of the inventory's time at 500).
     */
    static final int CHUNK = 1_000;

    @Bean
    IdentifierFingerprint identifierFingerprint(InstallationKey key) {
        return new IdentifierFingerprint(key.bytes());
    }

    @Bean
    RecordingClassifier recordingClassifier(PolicyPack policy, IdentifierFingerprint fingerprint) {
        return new RecordingClassifier(policy, fingerprint);
    }

    @Bean
    Job tenantScanJob(JobRepository jobs, Step discoverStep, Step inventoryStep, Step evaluateStep, Step finishStep,
            java.util.List<ScanStage> stages) {
        var flow = new JobBuilder(JOB, jobs).start(discoverStep).next(inventoryStep).next(evaluateStep);
        for (ScanStage stage : stages.stream().sorted(java.util.Comparator.comparingInt(ScanStage::order)).toList()) {
            flow = flow.next(stage.step());
        }
        return flow.next(finishStep).build();
    }

    @Bean
    Step discoverStep(JobRepository jobs, PlatformTransactionManager tx, TenantDiscovery discovery, DiscoveryUnits units,
            LocationStore locations, ScanRuns runs, PolicyPack policy, GraphSettings graph, ScanProgress progress,
            ScanTraffic traffic, Clock wardClock, org.ward.connector.discovery.collect.TenantOrganization organization) {
        return new StepBuilder("discoverStep", jobs).tasklet(new DiscoveryTasklet(discovery, units, locations, runs, policy,
                graph, progress, traffic, wardClock, organization), tx).build();
    }

    @Bean
    Step inventoryStep(JobRepository jobs, Step inventoryDriveStep, DrivePartitioner drivePartitioner, GraphSettings graph) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("ward-inventory-");
        executor.setConcurrencyLimit(Math.max(1, graph.resilience().maxConcurrentRequests()));
        return new StepBuilder("inventoryStep", jobs).partitioner("inventoryDriveStep", drivePartitioner)
                .step(inventoryDriveStep).gridSize(graph.resilience().maxConcurrentRequests()).taskExecutor(executor).build();
    }

    @Bean
    @StepScope
    DrivePartitioner drivePartitioner(LocationStore locations, ScanProgress progress,
            @Value("#{jobExecutionContext['" + ScanKeys.SCAN_ID + "']}") Long scanId) {
        return new DrivePartitioner(locations, scanId, progress);
    }

    @Bean
    Step inventoryDriveStep(JobRepository jobs, PlatformTransactionManager tx, DriveDeltaReader driveDeltaReader,
            DriveItemProcessor driveItemProcessor, DriveItemWriter driveItemWriter, ScanProgress progress) {
        return new StepBuilder("inventoryDriveStep", jobs).<org.ward.connector.inventory.DeltaEntry, InventoryChange>chunk(CHUNK)
                .transactionManager(tx).reader(driveDeltaReader).processor(driveItemProcessor).writer(driveItemWriter)
                .listener(new StepExecutionListener() {
                    @Override
                    public org.springframework.batch.core.ExitStatus afterStep(StepExecution step) {
                        progress.driveDone();
                        return step.getExitStatus();
                    }
                }).build();
    }

    @Bean
    @StepScope
    DriveDeltaReader driveDeltaReader(DriveInventory inventory, ScanProgress progress,
            @Value("#{stepExecutionContext['" + ScanKeys.DRIVE_ID + "']}") String driveId) {
        return inventory.reader(driveId, progress);
    }

    @Bean
    @StepScope
    DriveItemProcessor driveItemProcessor(DriveInventory inventory, LocationStore locations,
            @Value("#{stepExecutionContext['" + ScanKeys.DRIVE_ID + "']}") String driveId,
            @Value("#{stepExecutionContext['" + ScanKeys.SITE_ID + "']}") String siteId,
            @Value("#{stepExecutionContext['" + ScanKeys.DRIVE_NAME + "']}") String driveName,
            @Value("#{jobExecutionContext['" + ScanKeys.SCAN_ID + "']}") Long scanId) {
        java.util.Map<String, Location> sites = locations.locationsBySite(scanId);
        return inventory.processor(driveId, driveName, sites.get(siteId), sites.values());
    }

    @Bean
    @StepScope
    DriveItemWriter driveItemWriter(DriveInventory inventory, ScanProgress progress,
            @Value("#{stepExecutionContext['" + ScanKeys.DRIVE_ID + "']}") String driveId,
            @Value("#{jobExecutionContext['" + ScanKeys.SCAN_ID + "']}") Long scanId) {
        return inventory.writer(driveId, scanId, progress);
    }

    @Bean
    Step evaluateStep(JobRepository jobs, PlatformTransactionManager tx, ItemStore items, LocationStore locations,
            FindingStore findings, PolicyPack policy, IdentifierFingerprint fingerprint, ScanRuns runs, ScanProgress progress,
            Clock wardClock, org.ward.connector.inventory.ContentCopies contentCopies) {
        return new StepBuilder("evaluateStep", jobs).tasklet(new EvaluationTasklet(items, locations, findings, policy,
                fingerprint, runs, progress, wardClock, contentCopies), tx).build();
    }

    @Bean
    Step finishStep(JobRepository jobs, PlatformTransactionManager tx, ScanRuns runs, ItemStore items,
            LocationStore locations, ScanTraffic scanTraffic, Clock wardClock) {
        return new StepBuilder("finishStep", jobs).tasklet(new FinishTasklet(runs, items, locations, scanTraffic,
                wardClock), tx).build();
    }
}
