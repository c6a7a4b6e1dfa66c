package org.ward.rules.identity;

import java.util.List;
import java.util.Locale;

/**
 * The parts of a conditional-access policy the MFA and legacy-authentication checks read.
 *
 * @param state enabled, disabled or enabledForReportingButNotEnforced
 * @param includeUsers user ids or All / None / GuestsOrExternalUsers
 * @param includeRoles role template ids
 * @param clientAppTypes all, browser, mobileAppsAndDesktopClients, exchangeActiveSync, other
 * @param grantControls built-in grant controls (mfa, block, ...)
 * @param authenticationStrength whether the policy requires an authentication strength (a form of MFA)
 * @param excludesGuests whether guests or external users are excluded
 * @param narrowedBy conditions that limit when the policy applies (sign-in risk, locations, platforms, ...)
 */
public record CaPolicyView(String id, String name, String state, List<String> includeUsers, List<String> excludeUsers,
        List<String> includeGroups, List<String> excludeGroups, List<String> includeRoles, List<String> excludeRoles,
        List<String> includeApplications, List<String> excludeApplications, List<String> clientAppTypes,
        List<String> grantControls, boolean authenticationStrength, boolean excludesGuests, List<String> narrowedBy) {

    public CaPolicyView {
        includeUsers = List.copyOf(includeUsers);
        excludeUsers = List.copyOf(excludeUsers);
        includeGroups = List.copyOf(includeGroups);
        excludeGroups = List.copyOf(excludeGroups);
        includeRoles = List.copyOf(includeRoles);
        excludeRoles = List.copyOf(excludeRoles);
        includeApplications = List.copyOf(includeApplications);
        excludeApplications = List.copyOf(excludeApplications);
        clientAppTypes = List.copyOf(clientAppTypes);
        grantControls = List.copyOf(grantControls);
        narrowedBy = List.copyOf(narrowedBy);
    }

    public boolean enabled() {
        return "enabled".equalsIgnoreCase(state);
    }

    public boolean reportOnly() {
        return "enabledForReportingButNotEnforced".equalsIgnoreCase(state);
    }

    public boolean requiresMfa() {
        return authenticationStrength || has(grantControls, "mfa");
    }

    public boolean blocks() {
        return has(grantControls, "block");
    }

    public boolean allUsers() {
        return has(includeUsers, "All");
    }

    public boolean allApplications() {
        return has(includeApplications, "All");
    }

    /** Every client: "all", or both kinds of modern client (browser and mobile/desktop). */
    public boolean allClients() {
        return clientAppTypes.isEmpty() || has(clientAppTypes, "all")
                || has(clientAppTypes, "browser") && has(clientAppTypes, "mobileAppsAndDesktopClients");
    }

    /** Both legacy client types: Exchange ActiveSync and "other clients" (CIS M365 5.2.2.3). */
    public boolean legacyClients() {
        return has(clientAppTypes, "exchangeActiveSync") && has(clientAppTypes, "other");
    }

    public boolean hasExclusions() {
        return !excludeUsers.isEmpty() || !excludeGroups.isEmpty() || !excludeRoles.isEmpty() || excludesGuests
                || !excludeApplications.isEmpty();
    }

    static boolean has(List<String> values, String wanted) {
        return values.stream().anyMatch(v -> v.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT)));
    }
}
