package org.ward.connector.discovery;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;

/**
 * Everything discovery found: the locations, their drives, and what it could not see (coverage gaps, each a
 * sentence saying what was not discovered and why).
 *
 * @param locations sites, group and channel sites, OneDrives
 * @param drives the drives of those locations
 * @param users directory users seen (members and guests)
 * @param teams team-enabled groups
 * @param channels channels of those teams
 * @param gaps what could not be discovered, and why
 */
public record Discovery(List<Location> locations, List<DiscoveredDrive> drives, int users, int teams, int channels,
        List<String> gaps) {

    public Discovery {
        locations = List.copyOf(locations);
        drives = List.copyOf(drives);
        gaps = List.copyOf(gaps);
    }

    public Map<String, Location> locationsBySite() {
        return locations.stream().collect(Collectors.toMap(Location::siteId, Function.identity(), (a, b) -> a));
    }

    public long count(LocationKind kind) {
        return locations.stream().filter(l -> l.kind() == kind).count();
    }
}
