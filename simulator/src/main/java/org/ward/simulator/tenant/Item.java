package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A driveItem: a file or folder. Mutable through the tenant's write methods only, which also move it to the end
 * of its drive's change journal so the next delta reports it.
 */
public final class Item {

    public final String id;
    public final String driveId;
    public final boolean folder;
    public String name;
    public String parentId;
    public String mimeType;
    public long size;
    public final Instant createdDateTime;
    public Instant lastModifiedDateTime;
    public final String createdById;
    public String lastModifiedById;
    public String quickXorHash;
    public String sha1Hash;
    public String sha256Hash;
    public Media media;
    public RetentionLabel retentionLabel;
    /** Sensitivity label id on a labelable file (Office or PDF); null when none. */
    public String sensitivityLabelId;
    /** How the sensitivity label was applied: standard, privileged (by a person) or auto. */
    public String sensitivityLabelAssignmentMethod = "standard";
    public Map<String, String> columns = Map.of();
    /** Permissions set directly on this item (links, grants). */
    public final List<SharingPermission> permissions = new ArrayList<>();
    /**
     * False when the item stopped inheriting from its parent and SharePoint copied what applied into its own
     * permissions; its permission list then ends at the item.
     */
    public boolean inheritsPermissions = true;
    /**
     * The item is the root of a permission hierarchy (SharePoint's "unique permissions"): set when it is first shared
     * (a link, a grant) or stops inheriting, kept when its last link is removed, cleared only when its unique
     * permissions are deleted ({@link TenantChanges#restoreInheritance}). Delta with {@code Prefer: hierarchicalsharing}
     * gives these items, and only these, a {@code shared} facet. The simulator still lists a shared item's permissions
     * as its own followed by those of the folders it inherits from (each with {@code inheritedFrom}), as before.
     */
    public boolean uniquePermissions;
    public boolean deleted;
    /** Position in the drive's change journal: the sequence number of the item's latest change. */
    long changeSeq;
    /** The sequence number of the latest change to the item's own sharing. */
    long sharingSeq;
    /**
     * The item's position in its library's list-item journal: the latest change to the item itself (content, name,
     * columns, label, deletion), not to its permissions, which list-item delta does not report.
     */
    long listSeq;
    /** SharePoint's list item id: a number, unique in the library, counted from 1 as items are added. */
    int listItemId;
    Instant changedAt;
    public int version = 1;

    public Item(String id, String driveId, boolean folder, String name, String parentId, Instant createdDateTime,
            String createdById) {
        this.id = id;
        this.driveId = driveId;
        this.folder = folder;
        this.name = name;
        this.parentId = parentId;
        this.createdDateTime = createdDateTime;
        this.lastModifiedDateTime = createdDateTime;
        this.createdById = createdById;
        this.lastModifiedById = createdById;
    }

    public long changeSeq() {
        return changeSeq;
    }

    public long sharingSeq() {
        return sharingSeq;
    }

    /** SharePoint's list item id, the key {@code sharepointIds.listItemId} and list-item delta share (0 for the root). */
    public int listItemId() {
        return listItemId;
    }

    public long listSeq() {
        return listSeq;
    }

    public Instant changedAt() {
        return changedAt;
    }

    /**
     * Media facets. Graph documents the audio facet as OneDrive Personal only; the fixture decides which to give.
     *
     * @param kind audio, video, photo or image
     * @param durationMillis duration for audio and video
     * @param width pixels for video, photo and image
     * @param height pixels for video, photo and image
     * @param takenDateTime when a photo was taken
     * @param cameraMake the camera maker for photos
     */
    public record Media(String kind, Long durationMillis, Integer width, Integer height, Instant takenDateTime,
            String cameraMake) {
    }

    /**
     * A retention label on an item.
     *
     * @param name the label's display name (Graph identifies retention labels by name)
     * @param appliedDateTime when it was applied
     * @param appliedById who applied it
     * @param behaviour retain, retainAsRecord, retainAsRegulatoryRecord or doNotRetain
     * @param recordLocked whether a record is locked (a regulatory record always is)
     * @param explicit false when the item took the label from its folder
     */
    public record RetentionLabel(String name, Instant appliedDateTime, String appliedById, String behaviour,
            boolean recordLocked, boolean explicit) {

        public RetentionLabel(String name, Instant appliedDateTime, String appliedById, String behaviour) {
            this(name, appliedDateTime, appliedById, behaviour, "retainAsRegulatoryRecord".equals(behaviour), true);
        }

        /** A record or a regulatory record. */
        public boolean record() {
            return behaviour != null && behaviour.startsWith("retainAs");
        }
    }
}
