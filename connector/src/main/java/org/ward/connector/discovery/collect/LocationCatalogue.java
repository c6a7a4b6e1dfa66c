package org.ward.connector.discovery.collect;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;

import com.microsoft.graph.models.AssignedLabel;
import com.microsoft.graph.models.Drive;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.Site;
import com.microsoft.graph.models.User;

/**
 * Turns discovered sites into {@link Location}s: which group a site belongs to, whether it is a channel's site,
 * who owns it, and which container label Graph lets Ward see.
 */
final class LocationCatalogue {

    private final List<Group> groups;
    private final Map<String, TenantDiscovery.GroupFacts> facts;
    private final Map<String, String> upnById;

    LocationCatalogue(List<Group> groups, Map<String, TenantDiscovery.GroupFacts> facts, Map<String, String> upnById) {
        this.groups = groups;
        this.facts = facts;
        this.upnById = upnById;
    }

    static boolean isTeam(Group group) {
        return group.getResourceProvisioningOptions() != null && group.getResourceProvisioningOptions().contains("Team");
    }

    Location locate(Site site, List<Drive> drives) {
        for (Group group : groups) {
            TenantDiscovery.GroupFacts f = facts.get(group.getId());
            if (f == null) {
                continue;
            }
            if (site.getId().equals(f.rootSiteId())) {
                return new Location(site.getId(), LocationKind.GROUP_SITE, name(site), site.getWebUrl(), group.getId(),
                        isTeam(group) ? group.getId() : null, null, null, f.owners(), label(group), created(site));
            }
            for (Drive drive : drives) {
                String channel = f.channelDrives().get(drive.getId());
                if (channel != null) {
                    return new Location(site.getId(), LocationKind.CHANNEL_SITE, name(site), site.getWebUrl(),
                            group.getId(), group.getId(), channel, null, f.owners(), label(group), created(site));
                }
            }
        }
        // Graph exposes no owners of a site without a group; its creator is the best owner Ward can name.
        String creator = site.getCreatedBy() != null && site.getCreatedBy().getUser() != null
                ? upnById.get(site.getCreatedBy().getUser().getId()) : null;
        return new Location(site.getId(), LocationKind.SHAREPOINT_SITE, name(site), site.getWebUrl(), null, null, null,
                null, creator == null ? List.of() : List.of(creator), ContainerLabel.notExposed(), created(site));
    }

    Location oneDrive(User user, Drive drive, Site personal) {
        String siteId = personal != null ? personal.getId() : "onedrive:" + user.getId();
        String url = personal != null ? personal.getWebUrl() : drive.getWebUrl();
        return new Location(siteId, LocationKind.ONEDRIVE, "OneDrive of " + user.getDisplayName(), url, null, null, null,
                user.getUserPrincipalName(), List.of(user.getUserPrincipalName()), ContainerLabel.notExposed(),
                personal == null ? null : created(personal));
    }

    /** A group's label: exposed through assignedLabels (asked for with $select). */
    private static ContainerLabel label(Group group) {
        List<AssignedLabel> labels = group.getAssignedLabels();
        if (labels == null || labels.isEmpty()) {
            return ContainerLabel.none();
        }
        return ContainerLabel.of(labels.get(0).getLabelId(), labels.get(0).getDisplayName());
    }

    private static String name(Site site) {
        return site.getDisplayName() != null ? site.getDisplayName() : site.getName();
    }

    private static Instant created(Site site) {
        return site.getCreatedDateTime() == null ? null : site.getCreatedDateTime().toInstant();
    }
}
