package org.ward.simulator.server;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.ward.simulator.auth.Caller;

/**
 * Which application permissions Microsoft documents as sufficient for a route, and how that service words its
 * refusal: directory endpoints answer {@code Authorization_RequestDenied}, SharePoint and OneDrive answer
 * {@code accessDenied}, Teams answers {@code Forbidden} naming the permissions it wanted.
 */
public record RouteAccess(Set<String> permissions, Denial denial) {

    public enum Denial { DIRECTORY, SHAREPOINT, TEAMS, OPERATION }

    public static RouteAccess directory(String... permissions) {
        return new RouteAccess(new LinkedHashSet<>(List.of(permissions)), Denial.DIRECTORY);
    }

    public static RouteAccess sharePoint(String... permissions) {
        return new RouteAccess(new LinkedHashSet<>(List.of(permissions)), Denial.SHAREPOINT);
    }

    public static RouteAccess teams(String... permissions) {
        return new RouteAccess(new LinkedHashSet<>(List.of(permissions)), Denial.TEAMS);
    }

    /**
     * Any application gets through to the operation, which checks the caller itself because what suffices depends on
     * the request (a subscription's resource, the mailbox a message is sent from) and the refusal is in that service's
     * own words.
     */
    public static RouteAccess checkedByOperation() {
        return new RouteAccess(Set.of(), Denial.OPERATION);
    }

    public void check(Caller caller) {
        if (denial == Denial.OPERATION || caller.hasAny(permissions)) {
            return;
        }
        throw switch (denial) {
            case DIRECTORY -> new GraphException(403, "Authorization_RequestDenied",
                    "Insufficient privileges to complete the operation.");
            case SHAREPOINT -> new GraphException(403, "accessDenied",
                    caller.roles().isEmpty() ? "Either scp or roles claim need to be present in the token." : "Access denied");
            case TEAMS -> new GraphException(403, "Forbidden",
                    "Missing role permissions on the request. API requires one of '" + String.join(", ", permissions)
                            + "'. Roles on the request '" + String.join(", ", caller.roles()) + "'.");
            case OPERATION -> throw new IllegalStateException("checked by the operation");
        };
    }
}
