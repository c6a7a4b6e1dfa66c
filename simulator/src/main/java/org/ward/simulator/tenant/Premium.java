package org.ward.simulator.tenant;

import java.util.Locale;

/**
 * The tenant's Microsoft Entra ID premium licence, which decides what the identity endpoints answer: sign-in logs,
 * registration reports, conditional access and risk detections need P1; risky users and full risk detail need P2.
 */
public enum Premium {
    NONE, P1, P2;

    public boolean atLeast(Premium other) {
        return compareTo(other) >= 0;
    }

    /** "none", "P1" or "P2", ignoring case. */
    public static Premium parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not none, P1 or P2");
        }
    }
}
