package org.ward.connector.notifications;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.policy.PolicyPack;

/**
 * The drives ward serve subscribes to, from the latest discovery: all of them, or ({@code recording-locations}) the
 * drives that hold recordings, the drives of locations the policy pack approves for recordings, the other drives of a
 * location that holds recordings, and every OneDrive (where copies are parked).
 */
public class WatchedDrives {

    private final LocationStore locations;
    private final ItemStore items;
    private final PolicyPack policy;
    private final SubscriptionSettings settings;

    public WatchedDrives(LocationStore locations, ItemStore items, PolicyPack policy, SubscriptionSettings settings) {
        this.locations = locations;
        this.items = items;
        this.policy = policy;
        this.settings = settings;
    }

    /** The drive ids to watch; empty before the first discovery. */
    public Set<String> drives() {
        OptionalLong discovery = locations.latestDiscovery();
        Set<String> watched = new LinkedHashSet<>();
        if (discovery.isEmpty()) {
            return watched;
        }
        Map<String, Location> sites = locations.locationsBySite(discovery.getAsLong());
        Map<String, Long> recordings = items.recordingsByDrive();
        Set<String> sitesWithRecordings = new LinkedHashSet<>();
        for (DiscoveredDrive drive : locations.drives(discovery.getAsLong())) {
            if (recordings.getOrDefault(drive.driveId(), 0L) > 0) {
                sitesWithRecordings.add(drive.siteId());
            }
        }
        for (DiscoveredDrive drive : locations.drives(discovery.getAsLong())) {
            Location location = sites.get(drive.siteId());
            if (location == null) {
                continue;
            }
            if (settings.allDrives() || location.kind() == LocationKind.ONEDRIVE
                    || sitesWithRecordings.contains(drive.siteId())
                    || !policy.locations().matching(location.webUrl(), drive.name()).isEmpty()) {
                watched.add(drive.driveId());
            }
        }
        return watched;
    }
}
