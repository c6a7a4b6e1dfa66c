package org.ward.connector.inventory.collect;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.BatchOutcome;
import org.ward.connector.graph.GraphBatch;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.inventory.MetadataColumns;

import com.microsoft.graph.models.DriveItem;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;

/**
 * Reads what delta over a drive cannot carry, item by item: an item's retention label and its SharePoint metadata
 * columns, with {@code GET /drives/{d}/items/{i}?$select=id&$expand=retentionLabel,listItem($expand=fields($select=…))},
 * twenty to a {@code $batch}. Each inner request is a single-item read (1 resource unit). The inventory reads labels
 * and columns with list-item delta ({@link ListItemDelta}), a request per thousand items; it comes here only where that
 * is not served (US Government and China clouds, or {@code ward.inventory.list-item-delta: off}), and for the rare file
 * that changed in a round whose list-item delta did not report it.
 */
@Component
public class ItemDetails {

    static final String[] SELECT = {"id"};

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
    private final FieldColumns columns;
    private final String[] expand;

    public ItemDetails(GraphServiceClient graph, GraphBatch batch, GraphErrors errors, MetadataColumns columns) {
        this.graph = graph;
        this.batch = batch;
        this.errors = errors;
        this.columns = new FieldColumns(columns.names());
        this.expand = new String[] {"retentionLabel", "listItem($expand=" + this.columns.expansion() + ")"};
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
                rc.queryParameters.expand = expand;
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
            Map<String, Object> fields = item.getListItem() == null || item.getListItem().getFields() == null ? Map.of()
                    : item.getListItem().getFields().getAdditionalData();
            String label = item.getRetentionLabel() == null ? null : item.getRetentionLabel().getName();
            details.put(itemOf.get(answer.getKey()), new Details(label == null || label.isBlank() ? null : label,
                    columns.read(null, fields).columns()));
        }
        return details;
    }
}
