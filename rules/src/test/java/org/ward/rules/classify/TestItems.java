package org.ward.rules.classify;

import java.time.Instant;
import java.util.Map;

import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.MediaFacets;

/** Items for classifier tests: a file at a path, with the MIME type and facets Graph would give. */
final class TestItems {

    static final Instant CREATED = Instant.parse("2026-01-05T09:30:00Z");
    static final MediaFacets VIDEO = new MediaFacets(false, true, false, false, 600_000L);
    static final MediaFacets AUDIO = new MediaFacets(true, false, false, false, 300_000L);
    static final MediaFacets PHOTO = new MediaFacets(false, false, true, true, null);

    private TestItems() {
    }

    static ItemRecord video(String path) {
        return file(path, "video/mp4", VIDEO);
    }

    static ItemRecord audio(String path, String mimeType) {
        return file(path, mimeType, MediaFacets.NONE);
    }

    static ItemRecord photo(String path, String mimeType) {
        return file(path, mimeType, PHOTO);
    }

    static ItemRecord document(String path) {
        String mime = path.endsWith(".pdf") ? "application/pdf"
                : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        return file(path, mime, MediaFacets.NONE);
    }

    static ItemRecord file(String path, String mimeType, MediaFacets media) {
        return file(path, mimeType, media, Map.of());
    }

    static ItemRecord file(String path, String mimeType, MediaFacets media, Map<String, String> columns) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return new ItemRecord("drive-1", "item-" + Math.abs(path.hashCode()), "folder-1", name, path, false, mimeType,
                1_000_000L, CREATED, CREATED, null, null, "qxh", null, media, null, null, columns);
    }

    static ItemRecord withColumns(ItemRecord item, Map<String, String> columns) {
        return new ItemRecord(item.driveId(), item.itemId(), item.parentId(), item.name(), item.path(), item.folder(),
                item.mimeType(), item.size(), item.createdDateTime(), item.lastModifiedDateTime(), item.createdBy(),
                item.lastModifiedBy(), item.quickXorHash(), item.sha256Hash(), item.media(), item.retentionLabel(),
                item.sensitivityLabelId(), columns);
    }

    static ItemRecord folder(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return new ItemRecord("drive-1", "folder-" + Math.abs(path.hashCode()), "root", name, path, true, null, 0L,
                CREATED, CREATED, null, null, null, null, null, null, null, Map.of());
    }
}
