package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.List;

/**
 * A conditional-access policy, with the conditions and grant controls Ward reads. Users, groups and roles are ids
 * (or the keywords All, None, GuestsOrExternalUsers), as Graph writes them.
 *
 * @param state enabled, disabled or enabledForReportingButNotEnforced
 * @param clientAppTypes all, browser, mobileAppsAndDesktopClients, exchangeActiveSync, other
 * @param builtInControls block, mfa, compliantDevice, ...
 * @param operator AND or OR
 */
public record ConditionalAccessPolicy(String id, String displayName, String state, Instant createdDateTime,
        List<String> includeUsers, List<String> excludeUsers, List<String> includeGroups, List<String> excludeGroups,
        List<String> includeRoles, List<String> excludeRoles, List<String> includeApplications,
        List<String> excludeApplications, List<String> clientAppTypes, List<String> builtInControls, String operator) {

    public ConditionalAccessPolicy {
        includeUsers = List.copyOf(includeUsers);
        excludeUsers = List.copyOf(excludeUsers);
        includeGroups = List.copyOf(includeGroups);
        excludeGroups = List.copyOf(excludeGroups);
        includeRoles = List.copyOf(includeRoles);
        excludeRoles = List.copyOf(excludeRoles);
        includeApplications = List.copyOf(includeApplications);
        excludeApplications = List.copyOf(excludeApplications);
        clientAppTypes = List.copyOf(clientAppTypes);
        builtInControls = List.copyOf(builtInControls);
    }
}
