package org.ward.connector.scan;

import java.util.Collection;

import org.ward.connector.classify.LocationContext;
import org.ward.connector.discovery.Location;
import org.ward.connector.discovery.LocationKind;
import org.ward.connector.policy.PolicyPack;

/**
 * How the policy sees a location. A private or shared channel keeps its files in a site of its own, but the channel
 * belongs to its team: when the team's site is approved, so is the channel's site, for the same kinds.
 */
final class LocationContexts {

    private LocationContexts() {
    }

    static LocationContext of(Location location, String driveName, PolicyPack policy, Collection<Location> all) {
        LocationContext own = LocationContext.of(location, driveName, policy.locations());
        if (own.registered() || location.kind() != LocationKind.CHANNEL_SITE || location.groupId() == null) {
            return own;
        }
        return all.stream().filter(l -> l.kind() == LocationKind.GROUP_SITE && location.groupId().equals(l.groupId()))
                .findFirst()
                .map(team -> LocationContext.of(team, driveName, policy.locations()))
                .filter(LocationContext::registered)
                .map(team -> new LocationContext(location.kind(), location.webUrl(), location.displayName(), driveName, true,
                        team.approvedKinds()))
                .orElse(own);
    }
}
