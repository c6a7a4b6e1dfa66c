package org.ward.connector.notifications;

/** A {@code ward.webhook.*}, {@code ward.subscriptions.*} or {@code ward.serve.*} setting Ward cannot use, in one sentence. */
public class InvalidServeSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidServeSettingException(String sentence) {
        super(sentence);
    }
}
