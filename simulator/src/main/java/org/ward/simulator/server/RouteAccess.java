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

    public enum Denial { DIRECTORY, SHAREPOINT, TEAMS }

    public static RouteAccess directory(String... permissions) {
        return new RouteAccess(new LinkedHashSet<>(List.of(permissions)), Denial.DIRECTORY);
    }

    public static RouteAccess sharePoint(String... permissions) {
        return new RouteAccess(new LinkedHashSet<>(List.of(permissions)), Denial.SHAREPOINT);
    }

    public static RouteAccess teams(String... permissions) {
        return new RouteAccess(new LinkedHashSet<>(List.of(permissions)), Denial.TEAMS);
    }

    public void check(Caller caller) {
        if (caller.hasAny(permissions)) {
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
        };
    }
}
