package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Microsoft 365 group, and the team when the group is team-enabled. Owners and members are user ids.
 */
public final class Group {

    public final String id;
    public final String displayName;
    public final String description;
    public final String mailNickname;
    public final String mail;
    public final String visibility;
    public final Instant createdDateTime;
    public final Set<String> ownerIds = new LinkedHashSet<>();
    public final Set<String> memberIds = new LinkedHashSet<>();
    /** The sensitivity label on the group (the container label of its site and team); null when none. */
    public SensitivityLabel label;
    /** The group's SharePoint site. */
    public String siteId;
    /** The team, when the group is team-enabled; null otherwise. */
    public Team team;

    public Group(String id, String displayName, String description, String mailNickname, String mail, String visibility,
            Instant createdDateTime) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
        this.mailNickname = mailNickname;
        this.mail = mail;
        this.visibility = visibility;
        this.createdDateTime = createdDateTime;
    }

    /** A team's settings and channels. */
    public static final class Team {
        public final String internalId;
        public final boolean archived;
        public final List<Channel> channels = new ArrayList<>();

        public Team(String internalId, boolean archived) {
            this.internalId = internalId;
            this.archived = archived;
        }
    }

    /**
     * A channel. Standard channels keep files in a folder of the team site's default library; private and shared
     * channels have a site of their own.
     */
    public record Channel(String id, String displayName, String description, String membershipType,
            Instant createdDateTime, String email, String siteId, String driveId, String folderItemId,
            List<String> ownerIds, List<String> memberIds) {
    }
}
