package org.ward.connector.inventory.collect;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.facts.Principal;

import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.models.IdentitySet;

/** Maps the SDK's {@link DriveItem} into Ward's {@link ItemRecord}, keeping only what checks need. */
final class DriveItems {

    private DriveItems() {
    }

    static ItemRecord toRecord(String driveId, DriveItem item) {
        boolean folder = item.getFolder() != null;
        String mime = item.getFile() == null ? null : item.getFile().getMimeType();
        String quickXor = item.getFile() == null || item.getFile().getHashes() == null ? null
                : item.getFile().getHashes().getQuickXorHash();
        String sha256 = item.getFile() == null || item.getFile().getHashes() == null ? null
                : item.getFile().getHashes().getSha256Hash();
        Long duration = item.getVideo() != null && item.getVideo().getDuration() != null ? item.getVideo().getDuration()
                : item.getAudio() != null ? item.getAudio().getDuration() : null;
        MediaFacets media = new MediaFacets(item.getAudio() != null, item.getVideo() != null, item.getPhoto() != null,
                item.getImage() != null, duration);
        String retention = item.getRetentionLabel() == null ? null : item.getRetentionLabel().getName();
        return new ItemRecord(driveId, item.getId(),
                item.getParentReference() == null ? null : item.getParentReference().getId(),
                item.getName(), null, folder, mime, item.getSize() == null ? 0 : item.getSize(),
                instant(item.getCreatedDateTime()), instant(item.getLastModifiedDateTime()),
                principal(item.getCreatedBy()), principal(item.getLastModifiedBy()), quickXor, sha256, media, retention,
                null, columns(item));
    }

    static Map<String, String> columns(DriveItem item) {
        if (item.getListItem() == null || item.getListItem().getFields() == null) {
            return Map.of();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        item.getListItem().getFields().getAdditionalData().forEach((name, value) -> {
            if (value != null && !name.startsWith("@")) {
                columns.put(name, value.toString());
            }
        });
        return columns;
    }

    private static Principal principal(IdentitySet set) {
        if (set == null || set.getUser() == null) {
            return null;
        }
        return new Principal(set.getUser().getId(), set.getUser().getDisplayName(), null);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
