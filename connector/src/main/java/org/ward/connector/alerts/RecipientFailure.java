package org.ward.connector.alerts;

/**
 * The channel works but this alert's recipient cannot be reached through it (an owner without Ward's Teams app). The
 * alert is retried like any failure, but the channel goes on delivering to everyone else in the same round.
 */
public class RecipientFailure extends ChannelFailure {

    public RecipientFailure(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
