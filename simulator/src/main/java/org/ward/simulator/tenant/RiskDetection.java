package org.ward.simulator.tenant;

import java.time.Instant;

/**
 * One Entra ID Protection risk detection on a user or sign-in.
 *
 * @param riskEventType unfamiliarFeatures, unlikelyTravel, leakedCredentials, ...
 * @param detectionTimingType realtime, nearRealtime or offline
 * @param activity signin or user
 */
public record RiskDetection(String id, String userId, String riskEventType, String riskLevel, String riskState,
        String riskDetail, String detectionTimingType, String activity, Instant activityDateTime, Instant detectedDateTime,
        String ipAddress, SignInPlace place) {
}
