package org.ward.connector.graph;

import java.util.List;

/**
 * Every application permission Ward can use, least privilege first. {@code ward check-connection} compares a
 * token's roles with this list, and docs/graph-permissions.md documents the same list (a test keeps them equal).
 */
public final class PermissionCatalogue {

    private static final List<RequiredPermission> ALL = List.of(
            new RequiredPermission("Sites.Read.All", "List every site (getAllSites) and read libraries, files, sharing"
                    + " and retention labels.", "scan", true,
                    List.of("Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All")),
            new RequiredPermission("User.Read.All", "List users to find every OneDrive and to name owners.", "scan", true,
                    List.of("User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")),
            new RequiredPermission("Group.Read.All", "Read Microsoft 365 groups: their sites, owners, members and"
                    + " sensitivity labels (assignedLabels).", "scan", true,
                    List.of("Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All")),
            new RequiredPermission("Team.ReadBasic.All", "List teams, so their channel sites are found.", "scan", false,
                    List.of("TeamSettings.Read.All", "TeamSettings.ReadWrite.All")),
            new RequiredPermission("Channel.ReadBasic.All", "List private and shared channels, which keep files in sites"
                    + " of their own.", "scan", false,
                    List.of("ChannelSettings.Read.All", "ChannelSettings.ReadWrite.All", "Group.Read.All")),
            new RequiredPermission("Files.Read.All", "Read a channel's files folder to find its site.", "scan", false,
                    List.of("Files.ReadWrite.All", "Group.Read.All")),
            new RequiredPermission("Sites.FullControl.All", "Read sharing changes through delta (Prefer:"
                    + " deltashowsharingchanges, hierarchicalsharing), so unchanged items' permissions are not re-read on"
                    + " every scan.", "sharing", false, List.of()),
            new RequiredPermission("Files.ReadWrite.All", "Remove sharing links and grants and replace links without expiry"
                    + " when remediation is enabled.", "remediation", false,
                    List.of("Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All")),
            new RequiredPermission("SensitivityLabels.Read.All", "Read the tenant's sensitivity labels, to name the label ids"
                    + " Graph reports on files and to find the id of each label the pack names.", "labels", false,
                    List.of("SensitivityLabel.Read")),
            new RequiredPermission("Files.ReadWrite.All", "Apply retention labels to recordings and sensitivity labels to"
                    + " Office and PDF files beside them when protection is enabled (sensitivity labels also need metered"
                    + " billing).", "protect", false, List.of("Sites.ReadWrite.All", "Sites.Manage.All",
                            "Sites.FullControl.All")),
            new RequiredPermission("Sites.FullControl.All", "Apply a retention label that declares items records (Microsoft"
                    + " requires it for record labels).", "protect", false, List.of()),
            new RequiredPermission("AuditLog.Read.All", "Read sign-in logs and MFA registration details.", "identity", false,
                    List.of()),
            new RequiredPermission("Directory.Read.All", "Read sign-in logs (Microsoft requires it beside"
                    + " AuditLog.Read.All).", "identity", false, List.of("Directory.ReadWrite.All")),
            new RequiredPermission("Policy.Read.All", "Read conditional-access policies and security defaults.", "identity",
                    false, List.of()),
            new RequiredPermission("IdentityRiskyUser.Read.All", "Read Entra ID Protection's risky users.", "identity",
                    false, List.of("IdentityRiskyUser.ReadWrite.All")),
            new RequiredPermission("IdentityRiskEvent.Read.All", "Read Entra ID Protection's risk detections.", "identity",
                    false, List.of("IdentityRiskEvent.ReadWrite.All")),
            new RequiredPermission("RoleManagement.Read.Directory", "Read directory role assignments, to find"
                    + " administrators without MFA.", "identity", false,
                    List.of("RoleManagement.Read.All", "Directory.Read.All", "RoleManagement.ReadWrite.Directory")),
            new RequiredPermission("TeamsActivity.Send", "Notify owners and compliance staff in their Teams activity feed"
                    + " (teams-activity alert channels; Ward's Teams app must be installed for them).", "alerts", false,
                    List.of()));

    private PermissionCatalogue() {
    }

    public static List<RequiredPermission> all() {
        return ALL;
    }
}
