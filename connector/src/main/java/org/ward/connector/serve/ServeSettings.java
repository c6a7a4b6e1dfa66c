package org.ward.connector.serve;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.ward.connector.notifications.InvalidServeSettingException;

/**
 * {@code ward.serve.*}: how {@code ward serve} processes notifications and what it runs on a schedule.
 *
 * @param scanCron when the full scan runs (Spring's six-field cron: second minute hour day month weekday), or
 *     {@code -} for never; by default every night at 02:00
 * @param identityCron when the identity checks run, or {@code -}; by default every hour at a quarter past
 * @param cronZone the time zone of both cron expressions (default: the machine's)
 * @param scanAtStart run the full scan when the service starts and Ward has never scanned (it needs the drives)
 * @param coalesce how long a drive's first notification waits for the rest of a burst before the drive is refreshed
 * @param workers drives refreshed at once by this instance (Graph requests are capped separately, at
 *     {@code ward.graph.resilience.max-concurrent-requests})
 * @param poll how often the outbox is looked at
 * @param retryAfter the wait before a drive whose refresh failed is tried again (doubled per failure, up to an hour)
 * @param shutdownGrace how long stopping waits for refreshes in flight; unfinished ones are handed back to the outbox
 * @param resyncAfterDowntime when no instance was alive for longer than this, every watched drive is resynced at
 *     start (Graph retries undelivered notifications for up to 4 hours, less for an endpoint it judges slow)
 * @param scanLockAtMost the longest a scheduled scan keeps its lock; the lock is a lease extended while the scan runs, so
 *     an instance that dies holding it blocks the others for minutes, not for this long
 * @param lockAtLeast a scheduled job's lock is held at least this long, so instances whose clocks differ a little do
 *     not run the same occurrence twice
 * @param databaseRetry how often the database is tried while it cannot be reached at start
 */
@ConfigurationProperties("ward.serve")
public record ServeSettings(@DefaultValue("0 0 2 * * *") String scanCron, @DefaultValue("0 15 * * * *") String identityCron,
        String cronZone, @DefaultValue("true") boolean scanAtStart, @DefaultValue("500ms") Duration coalesce,
        @DefaultValue("8") int workers, @DefaultValue("250ms") Duration poll, @DefaultValue("30s") Duration retryAfter,
        @DefaultValue("20s") Duration shutdownGrace, @DefaultValue("15m") Duration resyncAfterDowntime,
        @DefaultValue("12h") Duration scanLockAtMost, @DefaultValue("1m") Duration lockAtLeast,
        @DefaultValue("5s") Duration databaseRetry) {

    /** Spring's marker for a disabled cron trigger. */
    public static final String NEVER = "-";

    public ServeSettings {
        cron("ward.serve.scan-cron", scanCron);
        cron("ward.serve.identity-cron", identityCron);
        if (cronZone != null && !cronZone.isBlank()) {
            try {
                java.time.ZoneId.of(cronZone);
            } catch (java.time.DateTimeException e) {
                throw new InvalidServeSettingException("ward.serve.cron-zone is '" + cronZone + "': give a time zone such as"
                        + " Europe/London or UTC.");
            }
        }
        if (workers < 1 || workers > 64) {
            throw new InvalidServeSettingException("ward.serve.workers is " + workers + ": give a number from 1 to 64.");
        }
        for (Duration d : new Duration[] {coalesce, retryAfter, shutdownGrace, resyncAfterDowntime, lockAtLeast}) {
            if (d.isNegative()) {
                throw new InvalidServeSettingException("ward.serve durations must not be negative (" + d + ").");
            }
        }
        if (poll.toMillis() < 10 || databaseRetry.toMillis() < 10 || scanLockAtMost.compareTo(lockAtLeast) <= 0) {
            throw new InvalidServeSettingException("ward.serve.poll and ward.serve.database-retry must be at least 10ms,"
                    + " and ward.serve.scan-lock-at-most longer than ward.serve.lock-at-least.");
        }
    }

    private static void cron(String setting, String value) {
        if (value == null || value.equals(NEVER)) {
            return;
        }
        try {
            CronExpression.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidServeSettingException(setting + " is '" + value + "': " + e.getMessage() + ". Give six fields"
                    + " (second minute hour day month weekday), such as 0 0 2 * * * for 02:00 every day, or - for never.");
        }
    }
}
