package org.ward.connector.inventory;

import java.net.URI;

/**
 * A document library addressed as the SharePoint list it is, for list-item delta
 * ({@code /sites/{siteId}/lists/{listId}/items/delta}).
 *
 * @param siteId the site in Graph's composite form {@code {hostname},{spsite-id},{spweb-id}}
 * @param listId the library's list id
 */
public record LibraryList(String siteId, String listId) {

    /**
     * The library of a driveItem, from its {@code sharepointIds} (site URL, site collection id, web id, list id); null
     * when Graph gave too little to address it.
     */
    public static LibraryList of(String siteUrl, String siteCollectionId, String webId, String listId) {
        if (siteUrl == null || siteCollectionId == null || webId == null || listId == null) {
            return null;
        }
        String host;
        try {
            host = URI.create(siteUrl).getHost();
        } catch (IllegalArgumentException e) {
            return null;
        }
        return host == null ? null : new LibraryList(host + "," + siteCollectionId + "," + webId, listId);
    }
}
