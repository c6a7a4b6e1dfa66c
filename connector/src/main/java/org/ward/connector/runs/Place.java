package org.ward.connector.runs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.rules.facts.Location;

/**
 * One location re-evaluated between scans because one of its drives changed ({@code ward serve}): what a
 * {@link PlaceStage} judges, as of the latest discovery.
 *
 * @param location the location (site, team, channel site or OneDrive)
 * @param drives the location's drives, by id
 * @param sites every location of the latest discovery, by site id (approved locations, copies elsewhere)
 * @param tenantDrives every drive of the latest discovery, by id (where copies elsewhere are held)
 * @param runId the run the findings' events are recorded under
 * @param now the evaluation's time
 */
public record Place(Location location, Map<String, DiscoveredDrive> drives, Map<String, Location> sites,
        Map<String, DiscoveredDrive> tenantDrives, long runId, Instant now) {

    public Place {
        drives = Map.copyOf(drives);
        sites = Map.copyOf(sites);
        tenantDrives = Map.copyOf(tenantDrives);
    }

    public String siteId() {
        return location.siteId();
    }

    /** The ids of the location's drives, in a stable order. */
    public List<String> driveIds() {
        return drives.keySet().stream().sorted().toList();
    }
}
