package org.ward.simulator.tenant;

import java.time.Instant;

/**
 * A user Entra ID Protection rates as risky.
 *
 * @param userId the user's object id
 * @param riskLevel low, medium, high, hidden or none
 * @param riskState atRisk, confirmedCompromised, remediated, dismissed, confirmedSafe or none
 * @param riskDetail why the state is what it is (none, userPerformedSecuredPasswordReset, ...)
 * @param lastUpdated when the risk last changed
 */
public record RiskyUser(String userId, String riskLevel, String riskState, String riskDetail, Instant lastUpdated) {
}
