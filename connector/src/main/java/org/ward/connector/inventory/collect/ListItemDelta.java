package org.ward.connector.inventory.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphJsonReads;
import org.ward.connector.inventory.DeltaResyncRequired;
import org.ward.connector.inventory.LibraryList;
import org.ward.connector.inventory.ListDeltaUnavailable;
import org.ward.connector.inventory.ListFields;
import org.ward.connector.inventory.ListFieldsPage;
import org.ward.connector.inventory.MetadataColumns;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.sites.item.lists.item.items.delta.DeltaRequestBuilder;
import com.microsoft.kiota.RequestInformation;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one page of a library's list-item delta, {@code GET /sites/{site-id}/lists/{list-id}/items/delta} (Microsoft's
 * listitem-delta page: v1.0, {@code $select}, {@code $expand}, {@code $top}, nextLink/deltaLink, 410 with a Location
 * that starts afresh), asking for each list item's id and deletion and, through {@code fields($select=…)}, its
 * retention label ({@code _ComplianceTag}) and the metadata columns Ward reads. One request carries up to 1,000 items'
 * labels and columns (1 resource unit with a token, 2 without), where reading them item by item costs a unit each.
 * A 410 becomes {@link DeltaResyncRequired}; an answer that says Graph does not serve the operation here (a national
 * cloud, whose listitem-delta table has the global service only), or that the app may not read lists (403: its
 * permission table lists Sites.* only, so an app granted Files.* reads driveItems but not lists), becomes
 * {@link ListDeltaUnavailable}.
 */
@Component
public class ListItemDelta {

    private static final String[] SELECT = {"id", "deleted"};

    private final GraphServiceClient graph;
    private final GraphJsonReads reads;
    private final FieldColumns columns;

    public ListItemDelta(GraphServiceClient graph, GraphJsonReads reads, MetadataColumns columns) {
        this.graph = graph;
        this.reads = reads;
        this.columns = new FieldColumns(columns.names());
    }

    /**
     * @param library the library's list
     * @param link a nextLink or deltaLink to continue from, or null to start a full enumeration
     */
    public ListFieldsPage read(LibraryList library, String link) {
        DeltaRequestBuilder builder = graph.sites().bySiteId(library.siteId()).lists().byListId(library.listId()).items()
                .delta();
        if (link != null) {
            builder = builder.withUrl(DriveDelta.withOptions(link, "$select=" + String.join(",", SELECT) + "&$expand="
                    + java.net.URLEncoder.encode(columns.expansion(), java.nio.charset.StandardCharsets.UTF_8) + "&$top=1000"));
        }
        boolean fresh = link == null;
        RequestInformation request = builder.toGetRequestInformation(rc -> {
            if (fresh) {
                rc.queryParameters.select = SELECT;
                rc.queryParameters.expand = new String[] {columns.expansion()};
                rc.queryParameters.top = 1000;
            }
        });
        try {
            return reads.read(request, this::page);
        } catch (GraphAccessException e) {
            if (e.status() == 410) {
                throw new DeltaResyncRequired(library.listId(), DriveDelta.locationOf(e), e.code());
            }
            if (e.status() == 400 || e.status() == 404 || e.status() == 501) {
                throw new ListDeltaUnavailable(library, e.getMessage());
            }
            if (e.status() == 403) {
                // listitem-delta needs a Sites.* permission; an app granted Files.* only reads driveItems, not lists.
                throw new ListDeltaUnavailable(library, "the app holds no Sites.* permission for it: " + e.getMessage());
            }
            throw e;
        }
    }

    private ListFieldsPage page(JsonParser parser) {
        List<ListFields> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        String nextLink = null;
        String deltaLink = null;
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new IllegalStateException("Graph's list-item delta answer is not a JSON object");
        }
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "@odata.nextLink" -> nextLink = parser.getValueAsString();
                case "@odata.deltaLink" -> deltaLink = parser.getValueAsString();
                case "value" -> {
                    if (token != JsonToken.START_ARRAY) {
                        throw new IllegalStateException("Graph's list-item delta answer has no value array");
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        item(parser, changed, removed);
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new ListFieldsPage(changed, removed, nextLink, deltaLink);
    }

    private void item(JsonParser parser, List<ListFields> changed, List<String> removed) {
        String id = null;
        boolean deleted = false;
        Map<String, Object> fields = Map.of();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (name) {
                case "id" -> id = parser.getValueAsString();
                case "deleted" -> {
                    deleted = true;
                    parser.skipChildren();
                }
                case "fields" -> fields = fields(parser);
                default -> parser.skipChildren();
            }
        }
        if (id == null) {
            return;
        }
        if (deleted) {
            removed.add(id);
        } else {
            changed.add(columns.read(id, fields));
        }
    }

    /** A fieldValueSet's scalar values by column name; nested values (lookups, people) are skipped. */
    private static Map<String, Object> fields(JsonParser parser) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return fields;
        }
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
                fields.put(name, parser.getValueAsString());
            } else {
                parser.skipChildren();
            }
        }
        return fields;
    }
}
