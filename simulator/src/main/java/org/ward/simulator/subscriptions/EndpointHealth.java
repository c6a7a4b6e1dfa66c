package org.ward.simulator.subscriptions;

/**
 * How Graph's change notification service judges one notification URL: the answers it has had since its counts last
 * started again, how many were slow, and what that makes the endpoint.
 *
 * @param url the notification URL
 * @param answers posts answered (or timed out) in the current window
 * @param slow those slower than the slow threshold
 * @param state what the service does with the endpoint now
 */
public record EndpointHealth(String url, int answers, int slow, State state) {

    public enum State {
        /** Notifications are posted as they come. */
        HEALTHY,
        /** At least the throttle share of answers were slow: notifications are delayed, failures retried later. */
        THROTTLED,
        /** At least the drop share of answers were slow: notifications are dropped. */
        DROPPING
    }
}
