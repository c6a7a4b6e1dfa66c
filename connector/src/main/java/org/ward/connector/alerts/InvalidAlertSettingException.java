package org.ward.connector.alerts;

import org.ward.connector.ConfigurationProblem;

/** A {@code ward.alerts.*} setting is wrong; the message names it and the fix. */
public class InvalidAlertSettingException extends IllegalArgumentException implements ConfigurationProblem {

    public InvalidAlertSettingException(String sentence) {
        super(sentence);
    }
}
