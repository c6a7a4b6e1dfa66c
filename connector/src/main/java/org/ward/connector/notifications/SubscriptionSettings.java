package org.ward.connector.notifications;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ward.subscriptions.*}: which drives {@code ward serve} watches through Graph change notifications, and how it
 * keeps their subscriptions alive.
 *
 * @param drives {@code all} (every drive discovery found) or {@code recording-locations} (drives that hold
 *     recordings, drives of approved locations in the policy pack, and every OneDrive)
 * @param lifetime how long each subscription is asked to live (Graph's maximum for drives is 42,300 minutes; under
 *     45 minutes Graph raises it to 45)
 * @param renewBefore a subscription is renewed once it has less than this left
 * @param checkEvery how often subscriptions are checked (created, renewed, recreated, removed)
 * @param verifyEvery how often Ward asks Graph whether it still has each subscription: drives get no lifecycle event
 *     when a subscription is deleted elsewhere or lost, so this bounds how long a drive can go unwatched
 * @param securityWebhooks create subscriptions with {@code Prefer: includesecuritywebhooks}, so that changes to an
 *     item's permissions are notified too, not only changes to its content
 * @param writesPerWindow create, renew and delete calls allowed per {@code window}; Graph allows 500 per 20 seconds
 *     per app and tenant
 * @param reauthorizationsPerWindow reauthorize calls allowed per {@code window}; Graph allows 1,000 per 20 seconds
 * @param window the window of the two limits above
 * @param retryAfter the wait after a subscription could not be created or renewed, doubled for each failure in a
 *     row up to a day
 * @param failureGrace how long subscriptions may keep failing before the readiness probe says so
 */
@ConfigurationProperties("ward.subscriptions")
public record SubscriptionSettings(@DefaultValue("all") String drives, @DefaultValue("3d") Duration lifetime,
        @DefaultValue("1d") Duration renewBefore, @DefaultValue("1m") Duration checkEvery,
        @DefaultValue("1h") Duration verifyEvery,
        @DefaultValue("true") boolean securityWebhooks, @DefaultValue("400") int writesPerWindow,
        @DefaultValue("800") int reauthorizationsPerWindow, @DefaultValue("20s") Duration window,
        @DefaultValue("5m") Duration retryAfter, @DefaultValue("15m") Duration failureGrace) {

    /** Graph's maximum lifetime of a driveItem subscription. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(42_300);
    /** Graph raises any shorter expiry to this. */
    public static final Duration MIN_LIFETIME = Duration.ofMinutes(45);

    public SubscriptionSettings {
        if (!List.of("all", "recording-locations").contains(drives)) {
            throw new InvalidServeSettingException("ward.subscriptions.drives is '" + drives + "': set it to all or"
                    + " recording-locations.");
        }
        if (lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidServeSettingException("ward.subscriptions.lifetime is " + lifetime + ": Graph keeps a drive"
                    + " subscription between 45 minutes and 42,300 minutes (29 days 9 hours); give a duration in between.");
        }
        if (renewBefore.isNegative() || renewBefore.isZero() || renewBefore.compareTo(lifetime) >= 0) {
            throw new InvalidServeSettingException("ward.subscriptions.renew-before is " + renewBefore + ": give a"
                    + " duration shorter than ward.subscriptions.lifetime (" + lifetime + ").");
        }
        if (checkEvery.isNegative() || checkEvery.isZero() || checkEvery.compareTo(renewBefore) >= 0) {
            throw new InvalidServeSettingException("ward.subscriptions.check-every is " + checkEvery + ": give a"
                    + " duration shorter than ward.subscriptions.renew-before (" + renewBefore + ").");
        }
        if (verifyEvery.compareTo(checkEvery) < 0) {
            throw new InvalidServeSettingException("ward.subscriptions.verify-every is " + verifyEvery + ": give a"
                    + " duration of at least ward.subscriptions.check-every (" + checkEvery + ").");
        }
        if (writesPerWindow < 1 || writesPerWindow > 500 || reauthorizationsPerWindow < 1
                || reauthorizationsPerWindow > 1_000) {
            throw new InvalidServeSettingException("ward.subscriptions.writes-per-window is " + writesPerWindow
                    + " and ward.subscriptions.reauthorizations-per-window " + reauthorizationsPerWindow + ": Graph allows"
                    + " at most 500 and 1,000 per 20 seconds; give numbers from 1 up to those.");
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0 || retryAfter.isNegative() || failureGrace.isNegative()) {
            throw new InvalidServeSettingException("ward.subscriptions.window must be at least 1s, and retry-after and"
                    + " failure-grace must not be negative.");
        }
    }

    public boolean allDrives() {
        return drives.equals("all");
    }
}
