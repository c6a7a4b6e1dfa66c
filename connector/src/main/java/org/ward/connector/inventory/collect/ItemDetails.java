package org.ward.connector.inventory.collect;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.BatchOutcome;
import org.ward.connector.graph.GraphBatch;
import org.ward.connector.graph.GraphErrors;

import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;

/**
 * Reads what delta cannot carry: an item's retention label and its SharePoint metadata columns. Graph refuses
 * {@code $expand=listItem} on delta (badArgument) and has no way to expand the retention label there, so the inventory
 * asks for them item by item — only for files that may be recordings — with
 * {@code GET /drives/{d}/items/{i}?$select=id&$expand=retentionLabel,listItem($expand=fields)}, twenty to a
 * {@code $batch}. Each inner request is a single-item read (1 resource unit).
 */
@Component
public class ItemDetails {

    static final String[] SELECT = {"id"};
    static final String[] EXPAND = {"retentionLabel", "listItem($expand=fields)"};

    /**
     * What the inventory adds to a delta record.
     *
     * @param retentionLabel the retention label's name, null when the item carries none
     * @param columns the metadata columns
     */
    public record Details(String retentionLabel, Map<String, String> columns) {
    }

    private final GraphServiceClient graph;
    private final GraphBatch batch;
    private final GraphErrors errors;

    public ItemDetails(GraphServiceClient graph, GraphBatch batch, GraphErrors errors) {
        this.graph = graph;
        this.batch = batch;
        this.errors = errors;
    }

    /**
     * The details of items of one drive, by item id. An item Graph no longer has (404: deleted since delta listed it)
     * is left out; the next delta round reports it removed. Any other failure fails the read, so no item is stored
     * as unlabelled when its label could not be read.
     */
    public Map<String, Details> read(String driveId, Collection<String> itemIds) {
        Map<String, RequestInformation> requests = new LinkedHashMap<>();
        Map<String, String> itemOf = new LinkedHashMap<>();
        for (String itemId : itemIds) {
            String id = String.valueOf(requests.size() + 1);
            itemOf.put(id, itemId);
            requests.put(id, graph.drives().byDriveId(driveId).items().byDriveItemId(itemId).toGetRequestInformation(rc -> {
                rc.queryParameters.select = SELECT;
                rc.queryParameters.expand = EXPAND;
            }));
        }
        Map<String, Details> details = new LinkedHashMap<>();
        if (requests.isEmpty()) {
            return details;
        }
        for (Map.Entry<String, BatchOutcome> answer : batch.send(requests).entrySet()) {
            BatchOutcome outcome = answer.getValue();
            if (outcome.status() == 404) {
                continue;
            }
            if (!outcome.isSuccess()) {
                throw errors.translate(outcome);
            }
            DriveItem item = outcome.read(DriveItem::createFromDiscriminatorValue);
            details.put(itemOf.get(answer.getKey()), new Details(
                    item.getRetentionLabel() == null ? null : item.getRetentionLabel().getName(), DriveItems.columns(item)));
        }
        return details;
    }
}
