package org.ward.connector.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the notification endpoint does with a body that arrived in full: reads Graph's
 * {@code changeNotificationCollection}, keeps each notification whose subscription Ward holds and whose
 * {@code clientState} matches that subscription's (compared in constant time), records the kept ones in the outbox,
 * and counts the rest as discarded. Nothing is processed here: Graph gets its answer as soon as the rows are written.
 */
public class NotificationIntake {

    /** The endpoint's answer. */
    public enum Answer {
        /** Recorded (or nothing worth recording): 202. */
        ACCEPTED(202),
        /** Not a notification collection: 400. */
        MALFORMED(400),
        /** The outbox could not be written: 503, so that Graph retries. */
        UNAVAILABLE(503);

        private final int status;

        Answer(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(NotificationIntake.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SubscriptionStore subscriptions;
    private final ChangeOutbox outbox;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public NotificationIntake(SubscriptionStore subscriptions, ChangeOutbox outbox, NotificationMetrics metrics, Clock clock) {
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Answer accept(byte[] body) {
        Instant now = clock.instant();
        JsonNode value;
        try {
            value = JSON.readTree(body).get("value");
        } catch (JacksonException e) {
            value = null;
        }
        if (value == null || !value.isArray()) {
            metrics.discarded("malformed", 1);
            return Answer.MALFORMED;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode entry : value) {
            String id = text(entry, "subscriptionId");
            if (id != null) {
                ids.add(id);
            }
        }
        Map<String, SubscriptionStore.Verifier> verifiers;
        try {
            verifiers = subscriptions.verifiers(ids);
        } catch (RuntimeException e) {
            // Whatever keeps Ward from reading (the pool cannot connect, the database is down): Graph retries a 5xx.
            LOG.warn("Graph's notifications were refused with 503 (Graph retries them): the database cannot be read: {}",
                    e.getMessage());
            return Answer.UNAVAILABLE;
        }
        List<ChangeOutbox.NewChange> kept = new ArrayList<>();
        int unknown = 0;
        int forged = 0;
        for (JsonNode entry : value) {
            String id = text(entry, "subscriptionId");
            SubscriptionStore.Verifier verifier = id == null ? null : verifiers.get(id);
            // The digest comparison runs whether or not the subscription is known, so timing says nothing about either.
            boolean stateMatches = ClientStates.matches(text(entry, "clientState"),
                    verifier == null ? null : verifier.clientStateSha256());
            if (verifier == null) {
                unknown++;
            } else if (!stateMatches) {
                forged++;
            } else {
                kept.add(new ChangeOutbox.NewChange(verifier.driveId(), id, kind(text(entry, "lifecycleEvent"))));
            }
        }
        metrics.received(value.size());
        metrics.discarded("unknown-subscription", unknown);
        metrics.discarded("client-state", forged);
        try {
            outbox.add(kept, now);
        } catch (RuntimeException e) {
            LOG.warn("Graph's notifications were refused with 503 (Graph retries them): the outbox cannot be written: {}",
                    e.getMessage());
            return Answer.UNAVAILABLE;
        }
        metrics.accepted(kept);
        return Answer.ACCEPTED;
    }

    /** A change notification has no lifecycle event; an event Ward does not know is treated as lost notifications. */
    private static ChangeOutbox.Kind kind(String lifecycleEvent) {
        if (lifecycleEvent == null) {
            return ChangeOutbox.Kind.CHANGE;
        }
        return switch (lifecycleEvent) {
            case "reauthorizationRequired" -> ChangeOutbox.Kind.REAUTHORIZATION_REQUIRED;
            case "subscriptionRemoved" -> ChangeOutbox.Kind.SUBSCRIPTION_REMOVED;
            default -> ChangeOutbox.Kind.MISSED;
        };
    }

    private static String text(JsonNode entry, String field) {
        JsonNode node = entry == null ? null : entry.get(field);
        return node == null || !node.isString() ? null : node.asString();
    }
}
