package org.ward.connector.graph;

/**
 * A {@code ward.graph.*} setting is missing or wrong; the message is one sentence naming the setting and the fix.
 * It carries no cause on purpose: Spring's start-up failure report shows the root cause's message.
 */
public class InvalidGraphSettingException extends IllegalArgumentException {

    public InvalidGraphSettingException(String sentence) {
        super(sentence);
    }
}
