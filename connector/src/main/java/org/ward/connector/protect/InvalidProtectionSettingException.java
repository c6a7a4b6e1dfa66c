package org.ward.connector.protect;

/** A {@code ward.protection.*} setting is wrong; the message names it and the fix. */
public class InvalidProtectionSettingException extends IllegalArgumentException {

    public InvalidProtectionSettingException(String sentence) {
        super(sentence);
    }
}
