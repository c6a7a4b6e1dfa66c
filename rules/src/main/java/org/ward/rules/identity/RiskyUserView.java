package org.ward.rules.identity;

import java.time.Instant;

/**
 * A user Entra ID Protection rates as risky.
 *
 * @param riskLevel low, medium, high, hidden or none
 * @param riskState atRisk, confirmedCompromised, remediated, dismissed, confirmedSafe or none
 */
public record RiskyUserView(String userId, String upn, String displayName, String riskLevel, String riskState,
        String riskDetail, Instant updated) {
}
