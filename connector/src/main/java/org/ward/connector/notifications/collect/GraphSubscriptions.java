package org.ward.connector.notifications.collect;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;

import com.microsoft.graph.models.Subscription;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * The Graph calls of ward serve's subscriptions: create one on a drive's root (changeType {@code updated}, with the
 * lifecycle URL, and {@code Prefer: includesecuritywebhooks} for permission changes), renew, reauthorize, delete.
 * Failures arrive as {@link GraphAccessException}s with Graph's status and code; a 404 means Graph no longer has the
 * subscription.
 */
@Component
public class GraphSubscriptions {

    /** A subscription Graph created: its id and the expiry Graph set (it raises anything under 45 minutes). */
    public record Created(String id, Instant expiresAt) {
    }

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public GraphSubscriptions(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /**
     * Creates the drive's subscription. Graph first validates both URLs (the endpoint must echo its token), so the
     * endpoint must be up when this is called.
     */
    public Created create(String driveId, String notificationUrl, String lifecycleUrl, String clientState,
            Instant expiresAt, boolean securityEvents) {
        Subscription body = new Subscription();
        body.setChangeType("updated");
        body.setResource("/drives/" + driveId + "/root");
        body.setNotificationUrl(notificationUrl);
        body.setLifecycleNotificationUrl(lifecycleUrl);
        body.setClientState(clientState);
        body.setExpirationDateTime(expiresAt.atOffset(ZoneOffset.UTC));
        body.setLatestSupportedTlsVersion("v1_2");
        Subscription created = errors.call(() -> graph.subscriptions().post(body, request -> {
            if (securityEvents) {
                request.headers.add("Prefer", "includesecuritywebhooks");
            }
        }));
        return new Created(created.getId(), expiry(created, expiresAt));
    }

    /** Renews (which also reauthorizes) the subscription; returns the expiry Graph set. */
    public Instant renew(String subscriptionId, Instant expiresAt) {
        Subscription body = new Subscription();
        body.setExpirationDateTime(expiresAt.atOffset(ZoneOffset.UTC));
        return expiry(errors.call(() -> graph.subscriptions().bySubscriptionId(subscriptionId).patch(body)), expiresAt);
    }

    /** Whether Graph still has the subscription (it forgets one that expired, or that was deleted elsewhere). */
    public boolean exists(String subscriptionId) {
        try {
            errors.call(() -> graph.subscriptions().bySubscriptionId(subscriptionId).get());
            return true;
        } catch (GraphAccessException e) {
            if (e.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    public void reauthorize(String subscriptionId) {
        errors.call(() -> {
            graph.subscriptions().bySubscriptionId(subscriptionId).reauthorize().post();
            return null;
        });
    }

    /** Deletes the subscription; one Graph no longer has is gone already. */
    public void delete(String subscriptionId) {
        try {
            errors.call(() -> {
                graph.subscriptions().bySubscriptionId(subscriptionId).delete();
                return null;
            });
        } catch (GraphAccessException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    private static Instant expiry(Subscription answer, Instant asked) {
        return answer == null || answer.getExpirationDateTime() == null ? asked : answer.getExpirationDateTime().toInstant();
    }
}
