package org.ward.rules.facts;

import java.time.Instant;
import java.util.Map;

/**
 * What Ward keeps of one driveItem: only what classification and checks need. Built by the inventory
 * collector from Graph's delta; checks and the classifier read it and never see SDK types.
 *
 * @param driveId the drive that holds the item
 * @param itemId Graph's item id, stable across renames and moves
 * @param parentId the parent folder's item id; null for the drive root
 * @param name the file or folder name
 * @param path the folder path from the drive root, ending in the name ("/Recordings/Clinic 1.mp4");
 *     Graph's delta never returns parentReference.path, so Ward rebuilds it from parent ids
 * @param folder true for folders (then mimeType, hashes and media are null)
 * @param mimeType Graph's file.mimeType
 * @param size bytes
 * @param createdDateTime when the item was created in the drive
 * @param lastModifiedDateTime when it last changed
 * @param createdBy who created it (may be null when Graph gives no user)
 * @param lastModifiedBy who last changed it (may be null)
 * @param quickXorHash file.hashes.quickXorHash, the one hash SharePoint and OneDrive always give
 * @param sha256Hash file.hashes.sha256Hash where present
 * @param media the audio, video, photo and image facets Graph returned
 * @param retentionLabel the retention label's name, null when the item carries none
 * @param sensitivityLabelId the sensitivity label id of a labelable file (Office or PDF), null otherwise
 * @param columns SharePoint list-item fields (metadata columns), empty when none were read
 */
public record ItemRecord(
        String driveId,
        String itemId,
        String parentId,
        String name,
        String path,
        boolean folder,
        String mimeType,
        long size,
        Instant createdDateTime,
        Instant lastModifiedDateTime,
        Principal createdBy,
        Principal lastModifiedBy,
        String quickXorHash,
        String sha256Hash,
        MediaFacets media,
        String retentionLabel,
        String sensitivityLabelId,
        Map<String, String> columns) {

    public ItemRecord {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        media = media == null ? MediaFacets.NONE : media;
    }

    /** The same item at a known path (delta gives no paths; the inventory resolves them from parent ids). */
    public ItemRecord withPath(String newPath) {
        return new ItemRecord(driveId, itemId, parentId, name, newPath, folder, mimeType, size, createdDateTime,
                lastModifiedDateTime, createdBy, lastModifiedBy, quickXorHash, sha256Hash, media, retentionLabel,
                sensitivityLabelId, columns);
    }

    public ItemRecord withSensitivityLabel(String labelId) {
        return new ItemRecord(driveId, itemId, parentId, name, path, folder, mimeType, size, createdDateTime,
                lastModifiedDateTime, createdBy, lastModifiedBy, quickXorHash, sha256Hash, media, retentionLabel,
                labelId, columns);
    }

    /** The folder path above the item ("/Recordings" for "/Recordings/a.mp4", "/" at the root). */
    public String folderPath() {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** The file extension in lower case without the dot, or "" when the name has none. */
    public String extension() {
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
