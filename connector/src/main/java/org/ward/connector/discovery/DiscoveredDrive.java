package org.ward.connector.discovery;

/**
 * A drive (document library or OneDrive) found by discovery.
 *
 * @param driveId Graph's drive id
 * @param name the library's name ("Documents", "OneDrive", ...)
 * @param siteId the location that holds it
 * @param driveType documentLibrary or business
 * @param webUrl the library's URL
 */
public record DiscoveredDrive(String driveId, String name, String siteId, String driveType, String webUrl) {
}
