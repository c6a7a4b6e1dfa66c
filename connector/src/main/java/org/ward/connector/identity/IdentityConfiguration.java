package org.ward.connector.identity;

import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.graph.Sleeper;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;

/** The identity beans: settings, the pacer the collectors share, and the identity step of the tenant scan. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
class IdentityConfiguration {

    /** Runs after the recordings (and sharing, order 10) are evaluated, so reach reflects this scan. */
    static final int STAGE_ORDER = 20;

    @Bean
    IdentityPacer identityPacer(IdentitySettings settings, ObjectProvider<Clock> clock, ObjectProvider<Sleeper> sleeper) {
        return new IdentityPacer(settings, clock.getIfUnique(Clock::systemUTC), sleeper.getIfUnique(Sleeper::system));
    }

    @Bean
    ScanStage identityStage(JobRepository jobs, PlatformTransactionManager tx, IdentityService checks, ScanRuns runs,
            GraphSettings graph) {
        return new ScanStage(STAGE_ORDER, new StepBuilder("identityStep", jobs)
                .tasklet(new IdentityTasklet(checks, runs, graph.tenantId()), tx).build());
    }
}
