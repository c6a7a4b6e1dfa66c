package org.ward.rules.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the tenant-level identity checks read, as collected: each piece either there or not run with its reason.
 *
 * @param registrations MFA registration details
 * @param roles directory role holders
 * @param policies conditional-access policies
 * @param securityDefaults whether security defaults are on
 * @param riskyUsers Identity Protection's risky users
 * @param detections Identity Protection's risk detections
 * @param reach users' reach into patient data
 * @param groupMembers members (object ids) of the groups conditional-access policies include or exclude
 * @param names "UPN (display name)" by object id, for people and groups policies name
 */
public record IdentityFacts(Collected<List<MfaRegistration>> registrations, Collected<List<RoleHolder>> roles,
        Collected<List<CaPolicyView>> policies, Collected<Boolean> securityDefaults,
        Collected<List<RiskyUserView>> riskyUsers, Collected<List<RiskDetectionView>> detections, ReachIndex reach,
        Map<String, Set<String>> groupMembers, Map<String, String> names) {

    public IdentityFacts {
        groupMembers = Map.copyOf(groupMembers);
        names = Map.copyOf(names);
    }
}
