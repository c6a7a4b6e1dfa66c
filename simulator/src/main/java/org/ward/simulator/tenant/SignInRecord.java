package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.List;

/**
 * One interactive sign-in in the tenant's sign-in log, with the fields Graph's signIn resource carries (v1.0, plus
 * the beta-only {@code authenticationRequirement} and the MFA step of {@code authenticationDetails}).
 *
 * @param id the sign-in id
 * @param createdDateTime when
 * @param userId the user's object id
 * @param userPrincipalName the UPN (Graph writes it in lower case)
 * @param userDisplayName display name
 * @param appId the application's id
 * @param appDisplayName the application's name
 * @param ipAddress the client's IP address
 * @param place where geo-IP put it
 * @param clientAppUsed "Browser", "Mobile Apps and Desktop clients", or a legacy client ("IMAP4", ...)
 * @param errorCode 0 for success, otherwise Entra's error code (50126 bad password, 500121 MFA denied, ...)
 * @param failureReason Entra's sentence for the error, null on success
 * @param additionalDetails more detail ("MFA denied; user declined the authentication"), may be null
 * @param authenticationRequirement "singleFactorAuthentication" or "multiFactorAuthentication" (beta only)
 * @param mfaMethod the second factor tried ("Mobile app notification"), null when none was asked (beta only)
 * @param conditionalAccessStatus success, failure or notApplied
 * @param riskLevel the sign-in's risk level (none, low, medium, high)
 * @param riskState the risk state (none, atRisk, ...)
 * @param riskEventTypes risk detections on the sign-in (unlikelyTravel, ...)
 * @param operatingSystem device operating system
 * @param browser browser and version
 */
public record SignInRecord(String id, Instant createdDateTime, String userId, String userPrincipalName,
        String userDisplayName, String appId, String appDisplayName, String ipAddress, SignInPlace place,
        String clientAppUsed, int errorCode, String failureReason, String additionalDetails,
        String authenticationRequirement, String mfaMethod, String conditionalAccessStatus, String riskLevel,
        String riskState, List<String> riskEventTypes, String operatingSystem, String browser) {

    public SignInRecord {
        riskEventTypes = riskEventTypes == null ? List.of() : List.copyOf(riskEventTypes);
    }

    /** Newest first, then by id: the order Graph pages sign-ins in, and the order keyset paging resumes from. */
    public static int newestFirst(SignInRecord a, SignInRecord b) {
        int byTime = b.createdDateTime.compareTo(a.createdDateTime);
        return byTime != 0 ? byTime : a.id.compareTo(b.id);
    }
}
