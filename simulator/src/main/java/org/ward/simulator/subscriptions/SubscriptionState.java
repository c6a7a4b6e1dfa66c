package org.ward.simulator.subscriptions;

import java.time.Instant;

/**
 * A subscription as tests see it through the Java API.
 *
 * @param id the subscription id
 * @param applicationId the app that created it
 * @param resource the resource as the app wrote it ("/drives/b!x/root")
 * @param driveId the drive it watches
 * @param notificationUrl where change notifications go
 * @param lifecycleNotificationUrl where lifecycle events go, or null
 * @param clientState the secret echoed in every notification, or null
 * @param expiration when it expires
 * @param securityEvents created with {@code Prefer: includesecuritywebhooks}: permission changes notify too
 * @param awaitingReauthorization a reauthorizationRequired is outstanding
 */
public record SubscriptionState(String id, String applicationId, String resource, String driveId, String notificationUrl,
        String lifecycleNotificationUrl, String clientState, Instant expiration, boolean securityEvents,
        boolean awaitingReauthorization) {
}
