package org.ward.rules.facts;

import java.time.Instant;
import java.util.List;

/**
 * A place that holds drives: a SharePoint site, a group or team site, a channel site or a OneDrive.
 *
 * @param siteId Graph's composite site id ("host,siteCollectionId,webId")
 * @param kind what sort of place it is
 * @param displayName the name people see
 * @param webUrl the site's URL; approved-location rules match on it
 * @param groupId the Microsoft 365 group behind a group or channel site, null otherwise
 * @param teamId the team when the group is team-enabled (same id as the group), null otherwise
 * @param channelName the channel a channel site belongs to, null otherwise
 * @param ownerUpn the OneDrive's user for a OneDrive, null otherwise
 * @param owners who answers for the place: site or group owners, team owners, the OneDrive's user
 * @param sensitivityLabel the container's sensitivity label (the group's assignedLabels), see {@link ContainerLabel}
 * @param createdDateTime when the site was created
 */
public record Location(
        String siteId,
        LocationKind kind,
        String displayName,
        String webUrl,
        String groupId,
        String teamId,
        String channelName,
        String ownerUpn,
        List<String> owners,
        ContainerLabel sensitivityLabel,
        Instant createdDateTime) {

    public Location {
        owners = owners == null ? List.of() : List.copyOf(owners);
        sensitivityLabel = sensitivityLabel == null ? ContainerLabel.notExposed() : sensitivityLabel;
    }
}
