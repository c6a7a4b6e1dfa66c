package org.ward.connector.alerts;

/** A channel could not hand an alert over; the message says why in one sentence. The outbox retries it. */
public class ChannelFailure extends RuntimeException {

    public ChannelFailure(String sentence) {
        super(sentence);
    }

    public ChannelFailure(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
