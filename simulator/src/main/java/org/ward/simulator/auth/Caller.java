package org.ward.simulator.auth;

import java.util.Set;

/**
 * The application behind a verified access token.
 *
 * @param appId the application (client) id
 * @param tenantId the tenant the token was issued for
 * @param roles the application permissions granted to the app in this tenant, as carried in the token
 */
public record Caller(String appId, String tenantId, Set<String> roles) {

    public boolean hasAny(Set<String> permissions) {
        for (String p : permissions) {
            if (roles.contains(p)) {
                return true;
            }
        }
        return false;
    }
}
