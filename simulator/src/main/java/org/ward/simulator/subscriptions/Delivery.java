package org.ward.simulator.subscriptions;

import java.time.Instant;
import java.util.List;

/**
 * One thing the notifier did with notifications, for tests and benchmarks to read: a POST and how it went, or
 * notifications it never posted.
 *
 * @param at when (wall-clock time)
 * @param url the notification or lifecycle URL
 * @param kind change notifications or a lifecycle event
 * @param subscriptionIds the subscription of each notification concerned, in order (repeats for bursts and duplicates)
 * @param status the HTTP status the endpoint answered, or -1 when it did not answer in time or could not be reached
 * @param millis how long the POST took, 0 when nothing was posted
 * @param outcome what became of the notifications
 */
public record Delivery(Instant at, String url, Kind kind, List<String> subscriptionIds, int status, long millis,
        Outcome outcome) {

    public enum Kind { CHANGE, LIFECYCLE }

    public enum Outcome {
        /** Answered 2xx within the timeout. */
        DELIVERED,
        /** Not answered 2xx in time; will be retried. */
        FAILED,
        /** Failed for longer than the retry window; given up. */
        DISCARDED,
        /** Never posted: the simulator's configured loss. */
        LOST,
        /** Never posted: the endpoint's slow share reached the drop threshold. */
        DROPPED,
        /** Never posted: delivery is paused until the app reauthorizes the subscription. */
        PAUSED
    }

    public int count() {
        return subscriptionIds.size();
    }
}
