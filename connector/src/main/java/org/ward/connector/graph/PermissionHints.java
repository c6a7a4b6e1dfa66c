package org.ward.connector.graph;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which application permissions let Ward read an endpoint family, for the sentence a 403 becomes. Least
 * privileged first; "any" means one of them suffices, "all" that each is needed.
 */
final class PermissionHints {

    record Hint(Pattern path, List<String> permissions, boolean all) {

        String phrase() {
            return String.join(all ? " and " : " or ", permissions);
        }
    }

    private static final List<Hint> HINTS = List.of(
            any("^/(users|groups)/[^/]+/drives?(/.*)?$", "Files.Read.All", "Sites.Read.All"),
            any("^/users/[^/]+/teamwork/sendActivityNotification$", "TeamsActivity.Send"),
            any("^/users/[^/]+/sendMail$", "Mail.Send"),
            any("^/(sites|drives|shares)(/.*)?$", "Sites.Read.All", "Files.Read.All"),
            any("^/users(/.*)?$", "User.Read.All"),
            any("^/groups(/.*)?$", "Group.Read.All"),
            all("^/teams(/.*)?$", "Team.ReadBasic.All", "Channel.ReadBasic.All"),
            any("^/(auditLogs|reports)(/.*)?$", "AuditLog.Read.All"),
            any("^/(identity/conditionalAccess|policies)(/.*)?$", "Policy.Read.All"),
            any("^/identityProtection/riskyUsers(/.*)?$", "IdentityRiskyUser.Read.All"),
            any("^/identityProtection/riskDetections(/.*)?$", "IdentityRiskEvent.Read.All"),
            any("^/identityProtection(/.*)?$", "IdentityRiskyUser.Read.All", "IdentityRiskEvent.Read.All"),
            any("^/roleManagement(/.*)?$", "RoleManagement.Read.Directory"));

    private PermissionHints() {
    }

    static Optional<Hint> forPath(String path) {
        return HINTS.stream().filter(hint -> hint.path().matcher(path).matches()).findFirst();
    }

    private static Hint any(String path, String... permissions) {
        return new Hint(Pattern.compile(path, Pattern.CASE_INSENSITIVE), List.of(permissions), false);
    }

    private static Hint all(String path, String... permissions) {
        return new Hint(Pattern.compile(path, Pattern.CASE_INSENSITIVE), List.of(permissions), true);
    }
}
