package org.ward.connector.inventory.collect;

import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphJsonReads;
import org.ward.connector.inventory.DeltaPage;
import org.ward.connector.inventory.DeltaResyncRequired;
import org.ward.rules.facts.ItemRecord;

import com.microsoft.graph.drives.item.items.item.delta.DeltaRequestBuilder;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import com.microsoft.kiota.RequestInformation;

/**
 * The inventory collector: reads one page of a drive's {@code root/delta} — from the start, from a nextLink, or
 * from a stored deltaLink — and maps it into {@link ItemRecord}s. A 410 becomes {@link DeltaResyncRequired}.
 * Asks for only the fields Ward keeps and pages of up to 1,000 items, so the inventory needs about one request per
 * thousand items, and reads each page's JSON straight into Ward's records ({@link GraphJsonReads}). It expands
 * nothing: Graph answers {@code $expand=listItem} on delta with 400 badArgument and {@code $expand=permissions} with
 * notSupported. Each item's {@code sharepointIds} name its library's list and its list item, which list-item delta
 * ({@link ListItemDelta}) keys the retention label and metadata columns by.
 */
@Component
public class DriveDelta {

    static final String[] FIELDS = {"id", "name", "parentReference", "file", "folder", "root", "size", "createdDateTime",
        "lastModifiedDateTime", "createdBy", "lastModifiedBy", "deleted", "video", "audio", "photo", "image", "shared",
        "sharepointIds"};
    static final String SHARING_PREFERENCES = "deltashowremovedasdeleted, deltatraversepermissiongaps, deltashowsharingchanges, hierarchicalsharing";

    private final GraphServiceClient graph;
    private final GraphJsonReads reads;

    public DriveDelta(GraphServiceClient graph, GraphJsonReads reads) {
        this.graph = graph;
        this.reads = reads;
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
            builder = builder.withUrl(withOptions(link, "$select=" + String.join(",", FIELDS) + "&$top=1000"));
        }
        boolean fresh = link == null;
        RequestInformation request = builder.toGetRequestInformation(rc -> {
            if (fresh) {
                rc.queryParameters.select = FIELDS;
                rc.queryParameters.top = 1000;
            }
            if (sharingChanges) {
                rc.headers.add("Prefer", SHARING_PREFERENCES);
            }
        });
        try {
            return reads.read(request, parser -> DriveDeltaJson.page(parser, driveId));
        } catch (GraphAccessException e) {
            if (e.status() == 410) {
                throw new DeltaResyncRequired(driveId, locationOf(e), e.code());
            }
            throw e;
        }
    }

    /**
     * A link as Graph gave it, with the request's options added when it carries none: a nextLink or deltaLink keeps
     * the first request's {@code $select} and {@code $top}, but the {@code Location} of a 410 starts a fresh
     * enumeration without them.
     */
    static String withOptions(String link, String options) {
        if (link.toLowerCase(java.util.Locale.ROOT).contains("$select=") || link.contains("%24select=")) {
            return link;
        }
        return link + (link.contains("?") ? "&" : "?") + options;
    }

    static String locationOf(GraphAccessException e) {
        if (e.getCause() instanceof ApiException api && api.getResponseHeaders() != null) {
            for (Map.Entry<String, java.util.Set<String>> header : api.getResponseHeaders().entrySet()) {
                if (header.getKey().equalsIgnoreCase("Location") && !header.getValue().isEmpty()) {
                    return header.getValue().iterator().next();
                }
            }
        }
        return null;
    }
}
