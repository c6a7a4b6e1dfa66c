package org.ward.connector.inventory.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.inventory.DeltaPage;
import org.ward.connector.inventory.DeltaResyncRequired;
import org.ward.rules.facts.ItemRecord;

import com.microsoft.graph.drives.item.items.item.delta.DeltaGetResponse;
import com.microsoft.graph.drives.item.items.item.delta.DeltaRequestBuilder;
import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;

/**
 * The inventory collector: reads one page of a drive's {@code root/delta} — from the start, from a nextLink, or
 * from a stored deltaLink — and maps it into {@link ItemRecord}s. A 410 becomes {@link DeltaResyncRequired}.
 * Asks for only the fields Ward keeps and pages of up to 1,000 items, so the inventory needs about one request per
 * thousand items. It expands nothing: Graph answers {@code $expand=listItem} on delta with 400 badArgument and
 * {@code $expand=permissions} with notSupported, so retention labels and metadata columns come from
 * {@link ItemDetails} for the files that need them.
 */
@Component
public class DriveDelta {

    static final String[] FIELDS = {"id", "name", "parentReference", "file", "folder", "root", "size", "createdDateTime",
        "lastModifiedDateTime", "createdBy", "lastModifiedBy", "deleted", "video", "audio", "photo", "image", "shared"};
    static final String SHARING_PREFERENCES = "deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges, hierarchicalsharing";

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public DriveDelta(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /**
     * Reads one page.
     *
     * @param driveId the drive
     * @param link a nextLink or deltaLink to continue from, or null to start a full enumeration
     * @param sharingChanges ask Graph to report sharing changes (needs Sites.FullControl.All)
     */
    public DeltaPage read(String driveId, String link, boolean sharingChanges) {
        DeltaRequestBuilder builder = graph.drives().byDriveId(driveId).items().byDriveItemId("root").delta();
        if (link != null) {
            builder = builder.withUrl(link);
        }
        DeltaRequestBuilder request = builder;
        boolean fresh = link == null;
        DeltaGetResponse response;
        try {
            response = errors.call(() -> request.get(rc -> {
                if (fresh) {
                    rc.queryParameters.select = FIELDS;
                    rc.queryParameters.top = 1000;
                }
                if (sharingChanges) {
                    rc.headers.add("Prefer", SHARING_PREFERENCES);
                }
            }));
        } catch (GraphAccessException e) {
            if (e.status() == 410) {
                throw new DeltaResyncRequired(driveId, locationOf(e), e.code());
            }
            throw e;
        }
        return toPage(driveId, response);
    }

    private static String locationOf(GraphAccessException e) {
        if (e.getCause() instanceof ApiException api && api.getResponseHeaders() != null) {
            for (Map.Entry<String, java.util.Set<String>> header : api.getResponseHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase("Location") && !header.getValue().isEmpty()) {
                    return header.getValue().iterator().next();
                }
            }
        }
        return null;
    }

    private static DeltaPage toPage(String driveId, DeltaGetResponse response) {
        List<ItemRecord> items = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> sharingChanged = new ArrayList<>();
        Map<String, String> shared = new java.util.HashMap<>();
        String rootId = null;
        for (DriveItem item : response.getValue()) {
            if (item.getDeleted() != null) {
                removed.add(item.getId());
                continue;
            }
            if (item.getRoot() != null) {
                rootId = item.getId();
                continue;
            }
            Object changed = item.getAdditionalData().get("@microsoft.graph.sharedChanged");
            if (changed != null && "true".equalsIgnoreCase(changed.toString())) {
                sharingChanged.add(item.getId());
            }
            if (item.getShared() != null) {
                shared.put(item.getId(), item.getShared().getScope() == null ? "" : item.getShared().getScope());
            }
            items.add(DriveItems.toRecord(driveId, item));
        }
        return new DeltaPage(items, removed, sharingChanged, response.getOdataNextLink(), response.getOdataDeltaLink(), rootId,
                shared);
    }
}
