package org.ward.connector.evidence;

import java.util.List;

import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphConnectionCheck;
import org.ward.connector.graph.TokenPermissions;

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

    /** The token's roles, as ward check-connection reads them; a failed sign-in leaves them not evaluated. */
    public static GrantedPermissions readFrom(GraphConnectionCheck connection) {
        try {
            TokenPermissions token = connection.grantedPermissions();
            return held(token.roles(), token.tenantId());
        } catch (GraphAccessException | IllegalStateException e) {
            String message = e.getMessage();
            return unknown("signing in failed: " + (message == null || message.isBlank() ? e.getClass().getSimpleName()
                    : message));
        }
    }
}
