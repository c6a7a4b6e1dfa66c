package org.ward.connector.inventory.collect;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.BatchOutcome;
import org.ward.connector.graph.GraphBatch;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.inventory.DeltaPage;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads driveItems by id with the fields delta gives ({@code GET /drives/{d}/items/{i}?$select=…}, twenty to a
 * {@code $batch}, 1 resource unit each): for the rare file whose list item changed while its driveItem did not (a label
 * or column written without a new version), so Ward classifies it again from its name and new columns.
 */
@Component
public class DriveItemReads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final GraphServiceClient graph;
    private final GraphBatch batch;
    private final GraphErrors errors;

    public DriveItemReads(GraphServiceClient graph, GraphBatch batch, GraphErrors errors) {
        this.graph = graph;
        this.batch = batch;
        this.errors = errors;
    }

    /** The items by id; one Graph no longer has (404) is left out, and the next delta round reports it removed. */
    public Map<String, DeltaPage.Single> read(String driveId, Collection<String> itemIds) {
        Map<String, RequestInformation> requests = new LinkedHashMap<>();
        Map<String, String> itemOf = new LinkedHashMap<>();
        for (String itemId : itemIds) {
            String id = String.valueOf(requests.size() + 1);
            itemOf.put(id, itemId);
            requests.put(id, graph.drives().byDriveId(driveId).items().byDriveItemId(itemId)
                    .toGetRequestInformation(rc -> rc.queryParameters.select = DriveDelta.FIELDS));
        }
        Map<String, DeltaPage.Single> items = new LinkedHashMap<>();
        if (requests.isEmpty()) {
            return items;
        }
        for (Map.Entry<String, BatchOutcome> answer : batch.send(requests).entrySet()) {
            BatchOutcome outcome = answer.getValue();
            if (outcome.status() == 404) {
                continue;
            }
            if (!outcome.isSuccess()) {
                throw errors.translate(outcome);
            }
            try (var parser = JSON.createParser(outcome.body())) {
                DeltaPage.Single item = DriveDeltaJson.single(parser, driveId);
                if (item != null) {
                    items.put(itemOf.get(answer.getKey()), item);
                }
            }
        }
        return items;
    }
}
