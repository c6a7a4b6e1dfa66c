package org.ward.connector.alerts;

/**
 * A place alerts go. Each adapter renders the one {@link Alert} model in its receiver's format and hands it over
 * once; retries, quiet hours and caps are the outbox's. A failure is thrown as {@link ChannelFailure} with one sentence.
 */
public interface AlertChannel {

    /** The name under ward.alerts.channels. */
    String name();

    ChannelType type();

    /** Where it delivers, for summaries and health (never a secret: no webhook signature, no key). */
    String destination();

    /** Hands the alert over; returns only once the receiver took it. */
    void send(Alert alert);
}
