package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.Map;

/**
 * A file to add through the Java API or a fixture.
 *
 * @param name the file name
 * @param size bytes
 * @param mimeType the MIME type, or null to infer it from the extension
 * @param contentKey identifies the content: files with the same key have the same hashes (copies)
 * @param createdById the author's user id, or null
 * @param createdDateTime when it was created, or null for now
 * @param media media facets, or null
 * @param columns list-item fields, or null
 */
public record NewFile(String name, long size, String mimeType, String contentKey, String createdById,
        Instant createdDateTime, Item.Media media, Map<String, String> columns) {

    public static NewFile named(String name, String contentKey) {
        return new NewFile(name, 1_000_000, null, contentKey, null, null, null, null);
    }

    public NewFile by(String userId) {
        return new NewFile(name, size, mimeType, contentKey, userId, createdDateTime, media, columns);
    }

    public NewFile createdAt(Instant when) {
        return new NewFile(name, size, mimeType, contentKey, createdById, when, media, columns);
    }

    public NewFile withMedia(Item.Media newMedia) {
        return new NewFile(name, size, mimeType, contentKey, createdById, createdDateTime, newMedia, columns);
    }

    public NewFile withColumns(Map<String, String> newColumns) {
        return new NewFile(name, size, mimeType, contentKey, createdById, createdDateTime, media, newColumns);
    }

    public NewFile sized(long bytes) {
        return new NewFile(name, bytes, mimeType, contentKey, createdById, createdDateTime, media, columns);
    }
}
