package org.ward.rules.facts;

/**
 * Where an item is: its drive and its id in that drive.
 *
 * @param driveId the drive
 * @param itemId the item
 */
public record ItemKey(String driveId, String itemId) {
}
