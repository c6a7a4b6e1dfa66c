package org.ward.simulator.subscriptions;

import java.time.Instant;

/**
 * A subscription as the simulator keeps it. Graph's own properties, plus what Graph knows but does not show: whether
 * it was created with {@code Prefer: includesecuritywebhooks}, and whether a reauthorization is outstanding.
 */
final class Subscription {

    final String id;
    final String applicationId;
    final String creatorId;
    final String resource;
    final String driveId;
    final String changeType;
    final String clientState;
    final String lifecycleNotificationUrl;
    final String latestSupportedTlsVersion;
    final boolean securityEvents;
    volatile String notificationUrl;
    volatile Instant expiration;
    /** When Graph asked for reauthorization; null when none is outstanding. */
    volatile Instant reauthorizationRequiredAt;
    /** Whether the reauthorizationRequired that comes before expiry has been sent for the current expiry. */
    volatile boolean expiryWarned;

    Subscription(String id, String applicationId, String creatorId, String resource, String driveId, String changeType,
            String clientState, String notificationUrl, String lifecycleNotificationUrl, String latestSupportedTlsVersion,
            boolean securityEvents, Instant expiration) {
        this.id = id;
        this.applicationId = applicationId;
        this.creatorId = creatorId;
        this.resource = resource;
        this.driveId = driveId;
        this.changeType = changeType;
        this.clientState = clientState;
        this.notificationUrl = notificationUrl;
        this.lifecycleNotificationUrl = lifecycleNotificationUrl;
        this.latestSupportedTlsVersion = latestSupportedTlsVersion;
        this.securityEvents = securityEvents;
        this.expiration = expiration;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiration);
    }

    SubscriptionState state() {
        return new SubscriptionState(id, applicationId, resource, driveId, notificationUrl, lifecycleNotificationUrl,
                clientState, expiration, securityEvents, reauthorizationRequiredAt != null);
    }
}
