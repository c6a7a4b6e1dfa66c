package org.ward.rules.findings;

/**
 * What a finding is about. Paths and URLs never carry a patient identifier in clear text.
 *
 * @param siteId the location
 * @param driveId the drive, when the finding is about an item
 * @param itemId the item, when the finding is about one
 * @param webUrl where a person can look (the site, or the item's folder)
 * @param path the item's path in its library, identifiers masked
 */
public record FindingResource(String siteId, String driveId, String itemId, String webUrl, String path) {

    public static FindingResource site(String siteId, String webUrl) {
        return new FindingResource(siteId, null, null, webUrl, null);
    }

    /**
     * An item in a library: links to its folder, never to the file itself, whose name may name a patient.
     *
     * @param driveWebUrl the library's URL
     */
    public static FindingResource ofItem(String siteId, String siteWebUrl, String driveWebUrl,
            org.ward.rules.facts.ItemRecord item) {
        String folder = item.folderPath();
        String url = driveWebUrl == null ? siteWebUrl : driveWebUrl + (folder.equals("/") ? "" : folder.replace(" ", "%20"));
        return new FindingResource(siteId, item.driveId(), item.itemId(), url, item.path());
    }

    /**
     * A short reference to the item ("i-3f9a2c1b"), the same in every report: two files whose names mask to the same
     * text ("Video 999 *** **18.mp4") stay apart by it. Null for a finding about a place.
     */
    public String itemRef() {
        return itemId == null ? null : ItemRefs.of(driveId, itemId);
    }

    /** The key that, with the finding type and discriminator, identifies the same problem scan after scan. */
    String key() {
        return itemId != null ? "item:" + driveId + "/" + itemId : "site:" + siteId;
    }
}
