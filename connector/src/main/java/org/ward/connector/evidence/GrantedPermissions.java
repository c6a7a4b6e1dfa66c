package org.ward.connector.evidence;

import java.util.List;

/**
 * The Graph application permissions Ward's token carried when the pack was written, as {@code ward check-connection}
 * reads them, or why they could not be read.
 *
 * @param roles the token's {@code roles} claim, sorted; empty when not evaluated
 * @param tenantId the token's tenant, null when not evaluated
 * @param notEvaluated why the permissions are unknown (sign-in failed, ...), null when read
 */
public record GrantedPermissions(List<String> roles, String tenantId, String notEvaluated) {

    public GrantedPermissions {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public static GrantedPermissions held(List<String> roles, String tenantId) {
        return new GrantedPermissions(roles, tenantId, null);
    }

    public static GrantedPermissions unknown(String because) {
        return new GrantedPermissions(List.of(), null, because);
    }
}
