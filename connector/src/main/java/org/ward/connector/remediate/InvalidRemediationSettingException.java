package org.ward.connector.remediate;

/** A {@code ward.remediation.*} setting is wrong; the message names it and the fix. */
public class InvalidRemediationSettingException extends IllegalArgumentException {

    public InvalidRemediationSettingException(String sentence) {
        super(sentence);
    }
}
