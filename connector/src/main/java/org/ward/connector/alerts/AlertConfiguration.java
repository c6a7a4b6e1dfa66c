package org.ward.connector.alerts;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.batch.infrastructure.support.transaction.ResourcelessTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ward.connector.alerts.collect.GraphActivityFeed;
import org.ward.connector.alerts.collect.GraphMail;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.runs.ScanStage;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.policy.PolicyPack;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Alerting's beans, and its scan stage: the last step of the tenant scan, after every capability reconciled its
 * findings. The step runs outside a transaction of its own (the outbox commits as it goes, so a slow receiver never
 * holds the database) and never fails the scan.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertSettings.class)
class AlertConfiguration {

    /** After every other stage. */
    static final int STAGE_ORDER = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertConfiguration.class);

    @Bean
    AlertChannels alertChannels(AlertSettings settings, GraphMail mail, GraphActivityFeed feed,
            com.azure.core.credential.TokenCredential wardGraphCredential, ObjectProvider<Clock> clock) {
        settings.warnings(null).forEach(warning -> LOG.warn("{}", warning));
        String version = AlertConfiguration.class.getPackage().getImplementationVersion();
        return AlertChannels.of(settings, mail, feed, wardGraphCredential, clock.getIfUnique(Clock::systemUTC),
                version == null ? "development" : version);
    }

    @Bean
    AlertService alertService(AlertSettings settings, AlertChannels channels, AlertOutbox outbox, OwnerNotices owners,
            FindingStore findings, PolicyPack policy, IdentifierMasking masking, PlatformTransactionManager tx,
            ObjectProvider<MeterRegistry> registry, org.ward.connector.sharing.GuestJudgement guests) {
        return new AlertService(settings, channels, outbox, owners, findings, policy, masking, new TransactionTemplate(tx),
                registry.getIfUnique(() -> Metrics.globalRegistry), guests);
    }

    /** Contributor {@code alerts} of /actuator/health in ward serve (outside the probe groups). */
    @Bean
    AlertChannelsHealth alertsHealthIndicator(AlertSettings settings, AlertOutbox outbox) {
        return new AlertChannelsHealth(settings, outbox);
    }

    @Bean
    ScanStage alertStage(JobRepository jobs, AlertService alerts, ObjectProvider<Clock> clock) {
        Clock time = clock.getIfUnique(Clock::systemUTC);
        return new ScanStage(STAGE_ORDER, new StepBuilder("alertStep", jobs).tasklet((contribution, chunk) -> {
            try {
                alerts.afterFindingsChanged(time.instant());
            } catch (RuntimeException e) {
                // Alerts never block the scan: the outbox keeps what was not delivered for the next round.
                LOG.warn("Alerting failed at the end of the scan: {}", e.getMessage(), e);
            }
            return RepeatStatus.FINISHED;
        }, new ResourcelessTransactionManager()).build());
    }
}
