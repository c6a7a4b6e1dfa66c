package org.ward.connector.sharing;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.PlaceStage;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;
import org.ward.connector.sharing.collect.GroupMembers;
import org.ward.rules.policy.PolicyPack;

/** Adds the sharing step to the tenant scan, after the recordings are evaluated, and to ward serve's place refresh. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SharingSettings.class)
class SharingStageConfiguration {

    @Bean
    AccessReview accessReview(AccessStore access, PermissionLists lists, GroupMembers groups, SharingSettings settings,
            ItemStore items, ScanRuns runs, ParallelCalls parallel, PolicyPack policy) {
        return new AccessReview(access, lists, groups, settings, items, runs, parallel, policy);
    }

    @Bean
    ScanStage sharingStage(JobRepository jobs, PlatformTransactionManager tx, AccessStore access, AccessReview accessReview,
            SharingMode mode, SharingSettings settings, ItemStore items, LocationStore locations, FindingStore findings,
            ScanRuns runs, Clock wardClock, GuestJudgement guests, StageProgress progress) {
        return new ScanStage(10, new StepBuilder("sharingStep", jobs).tasklet(new SharingTasklet(access, accessReview, mode,
                settings, items, locations, findings, runs, wardClock, guests, progress), tx).build());
    }

    @Bean
    PlaceStage sharingPlaceStage(AccessReview accessReview, SharingMode mode, SharingSettings settings,
            FindingStore findings, GuestJudgement guests, LocationStore locations) {
        return new SharingPlaceStage(accessReview, mode, settings, findings, guests, locations);
    }
}
