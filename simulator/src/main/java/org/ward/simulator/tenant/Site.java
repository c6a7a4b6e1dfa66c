package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A SharePoint site: a communication or team site, a group's site, a private or shared channel's site, or a
 * user's OneDrive (personal site). Site owners, members and visitors are user ids of the site's own SharePoint
 * groups; for group-connected sites they come from the group instead.
 */
public final class Site {

    public final String id;
    public final String hostname;
    public final String siteCollectionId;
    public final String webId;
    public final String name;
    public final String displayName;
    public final String description;
    public final String webUrl;
    public final Instant createdDateTime;
    public final boolean personal;
    /** The Microsoft 365 group behind the site, null when none. */
    public final String groupId;
    /** For a channel site: the channel's id. */
    public final String channelId;
    public final List<String> driveIds = new ArrayList<>();
    public final Set<String> ownerIds = new LinkedHashSet<>();
    public final Set<String> memberIds = new LinkedHashSet<>();
    public final Set<String> visitorIds = new LinkedHashSet<>();
    /** Extra site-wide grants such as "Everyone except external users". */
    public final List<SharingPermission> extraGrants = new ArrayList<>();
    public Instant lastModifiedDateTime;

    public Site(String id, String hostname, String siteCollectionId, String webId, String name, String displayName,
            String description, String webUrl, Instant createdDateTime, boolean personal, String groupId,
            String channelId) {
        this.id = id;
        this.hostname = hostname;
        this.siteCollectionId = siteCollectionId;
        this.webId = webId;
        this.name = name;
        this.displayName = displayName;
        this.description = description;
        this.webUrl = webUrl;
        this.createdDateTime = createdDateTime;
        this.personal = personal;
        this.groupId = groupId;
        this.channelId = channelId;
        this.lastModifiedDateTime = createdDateTime;
    }
}
