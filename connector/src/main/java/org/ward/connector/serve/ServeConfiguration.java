package org.ward.connector.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.ward.connector.database.DatabaseVendor;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.graph.GraphConnectionCheck;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.graph.Sleeper;
import org.ward.connector.identity.IdentityService;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.notifications.ChangeOutbox;
import org.ward.connector.notifications.NotificationIntake;
import org.ward.connector.notifications.NotificationMetrics;
import org.ward.connector.notifications.NotificationServlet;
import org.ward.connector.notifications.SubscriptionHealth;
import org.ward.connector.notifications.SubscriptionKeeper;
import org.ward.connector.notifications.SubscriptionPacing;
import org.ward.connector.notifications.SubscriptionSettings;
import org.ward.connector.notifications.SubscriptionStore;
import org.ward.connector.notifications.WatchedDrives;
import org.ward.connector.notifications.WebhookSettings;
import org.ward.connector.notifications.collect.GraphSubscriptions;
import org.ward.connector.scan.DriveRefresh;
import org.ward.connector.scan.ScanProgress;
import org.ward.connector.scan.ScanService;
import org.ward.rules.policy.PolicyPack;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * {@code ward serve}: only in the web application the serve command starts (the other commands start none). The
 * notification endpoints, the outbox processor, subscription upkeep, scheduled jobs, the health contributors of the
 * readiness probe ({@code database}, {@code graph}, {@code subscriptions}) and the service's gauges.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServeConfiguration {

    /** Takes the place of the commands' migration strategy, whose careful upgrade it runs once the database answers. */
    /**
     * Spring Batch names each inventory partition's step after its drive ("inventoryDriveStep:b!…"), and tags its
     * meters with that name: one series per drive and metric, tens of thousands on a trust's tenant. The partitions'
     * meters are counted under the step's own name instead.
     */
    @Bean
    MeterFilter partitionStepsUnderTheirStep() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("spring.batch")) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                boolean changed = false;
                for (Tag tag : id.getTagsAsIterable()) {
                    int partition = tag.getValue().indexOf(':');
                    if (tag.getKey().endsWith("step.name") && partition > 0) {
                        tags.add(Tag.of(tag.getKey(), tag.getValue().substring(0, partition)));
                        changed = true;
                    } else {
                        tags.add(tag);
                    }
                }
                return changed ? id.replaceTags(tags) : id;
            }
        };
    }

    @Bean
    @org.springframework.context.annotation.Primary
    DatabaseStart databaseHealthIndicator(@Value("${spring.datasource.url:}") String jdbcUrl, ServeSettings settings,
            javax.sql.DataSource dataSource, org.ward.connector.database.DatabaseUpgrade upgrade) {
        return new DatabaseStart(jdbcUrl, settings.databaseRetry(), dataSource, upgrade);
    }

    @Bean
    GraphTokenHealth graphHealthIndicator(GraphConnectionCheck connection, Clock clock) {
        return new GraphTokenHealth(connection, clock);
    }

    @Bean
    SubscriptionHealth subscriptionsHealthIndicator(SubscriptionStore store, SubscriptionSettings settings, Clock clock) {
        return new SubscriptionHealth(store, settings, clock);
    }

    @Bean
    NotificationMetrics notificationMetrics(MeterRegistry registry, ChangeOutbox outbox, SubscriptionStore subscriptions,
            ScanProgress progress, Clock clock) {
        NotificationMetrics metrics = new NotificationMetrics(registry);
        metrics.gauge("ward.notifications.pending", "Outbox rows waiting for their drive's refresh",
                () -> outbox.backlog().changes());
        metrics.gauge("ward.notifications.lag.seconds", "Age of the oldest outbox row (0 when none wait)",
                () -> NotificationMetrics.secondsSince(outbox.backlog().oldest(), clock.instant()));
        for (SubscriptionStore.State state : SubscriptionStore.State.values()) {
            metrics.gauge("ward.subscriptions", "Watched drives by the state of their subscription",
                    () -> subscriptions.countByState().get(state), "state", state.name().toLowerCase(java.util.Locale.ROOT));
        }
        metrics.gauge("ward.scan.drives.total", "Drives the running (or last) scan inventories",
                () -> progress.snapshot().drivesTotal());
        metrics.gauge("ward.scan.drives.done", "Drives the running (or last) scan has inventoried",
                () -> progress.snapshot().drivesDone());
        metrics.gauge("ward.scan.items", "Items the running (or last) scan stored", () -> progress.snapshot().items());
        return metrics;
    }

    @Bean
    NotificationIntake notificationIntake(SubscriptionStore subscriptions, ChangeOutbox outbox, NotificationMetrics metrics,
            Clock clock) {
        return new NotificationIntake(subscriptions, outbox, metrics, clock);
    }

    @Bean
    ServletRegistrationBean<NotificationServlet> notificationEndpoints(NotificationIntake intake, NotificationMetrics metrics,
            WebhookSettings webhook) {
        ServletRegistrationBean<NotificationServlet> registration = new ServletRegistrationBean<>(
                new NotificationServlet(intake, metrics, webhook), webhook.notificationPath(), webhook.lifecyclePath());
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        registration.setName("wardNotifications");
        return registration;
    }

    @Bean
    SubscriptionPacing subscriptionPacing(SubscriptionSettings settings, Clock clock) {
        return new SubscriptionPacing(settings, clock, Sleeper.system());
    }

    @Bean
    WatchedDrives watchedDrives(LocationStore locations, ItemStore items, PolicyPack policy, SubscriptionSettings settings) {
        return new WatchedDrives(locations, items, policy, settings);
    }

    @Bean
    SubscriptionKeeper subscriptionKeeper(SubscriptionStore store, GraphSubscriptions graph, WatchedDrives watched,
            ChangeOutbox outbox, WebhookSettings webhook, SubscriptionSettings settings, SubscriptionPacing pacing,
            Clock clock) {
        return new SubscriptionKeeper(store, graph, watched, outbox, webhook, settings, pacing, clock);
    }

    @Bean
    ScheduleLocks scheduleLocks(JdbcTemplate jdbc, PlatformTransactionManager tx, DatabaseVendor vendor,
            ServiceInstances instances) {
        return new ScheduleLocks(jdbc, tx, vendor, instances.instanceId());
    }

    @Bean
    ServiceInstances serviceInstances(JdbcTemplate jdbc, Clock clock) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return new ServiceInstances(jdbc, clock, host + "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }

    @Bean
    ChangeProcessor changeProcessor(ChangeOutbox outbox, DriveRefresh refresh, SubscriptionKeeper subscriptions,
            NotificationMetrics metrics, DatabaseStart database, ScheduleLocks locks, ServeSettings settings, Clock clock,
            org.ward.connector.alerts.AlertService alerts) {
        return new ChangeProcessor(outbox, refresh, subscriptions, metrics, database, locks, settings, clock, alerts);
    }

    @Bean
    ScheduledJobs scheduledJobs(ScheduleLocks locks, ScanService scans, IdentityService identity, GraphSettings graph,
            SubscriptionKeeper subscriptions, ChangeProcessor processor, DatabaseStart database, ServiceInstances instances,
            LocationStore locations, SubscriptionSettings subscriptionSettings, ServeSettings settings,
            MeterRegistry registry, Clock clock, org.ward.connector.evidence.ScheduledEvidence evidence) {
        return new ScheduledJobs(locks, scans, identity, graph, subscriptions, processor, database, instances, locations,
                subscriptionSettings, settings, registry, clock, evidence);
    }
}
