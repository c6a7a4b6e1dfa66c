package org.ward.connector.remediate;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.PermissionCatalogue;
import org.ward.connector.graph.RequiredPermission;
import org.ward.connector.graph.GraphConnectionCheck;

/**
 * Whether Ward may and can change sharing: remediation switched on in the settings, and a token carrying a
 * permission that lets it write (Files.ReadWrite.All, or Sites.ReadWrite.All or broader). A scan needs neither.
 */
@Component
public class RemediationReadiness {

    private final RemediationSettings settings;
    private final GraphConnectionCheck connection;

    public RemediationReadiness(RemediationSettings settings, GraphConnectionCheck connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /** The catalogue's entry for remediation: the permission and those that would do instead. */
    public static RequiredPermission needed() {
        return PermissionCatalogue.all().stream().filter(p -> p.capability().equals("remediation")).findFirst()
                .orElseThrow();
    }

    public boolean enabled() {
        return settings.applyAllowed();
    }

    public static String notEnabled() {
        return "Remediation is not enabled, so Ward changed nothing: set ward.remediation.enabled=true in Ward's settings"
                + " (and grant the app " + needed().permission() + ") to let --apply change sharing.";
    }

    /** Why the app's token cannot remediate, or empty when it can. Signs in to find out. */
    public Optional<String> missingPermission() {
        Set<String> granted = new HashSet<>(connection.grantedPermissions().roles());
        RequiredPermission need = needed();
        if (need.satisfied(granted)) {
            return Optional.empty();
        }
        return Optional.of("The app's token carries none of " + need.permission() + ", " + String.join(", ",
                need.satisfiedBy()) + ": Graph will refuse --apply until an administrator grants " + need.permission()
                + " (or " + need.satisfiedBy().get(0) + ") with admin consent. Scanning works without it.");
    }
}
