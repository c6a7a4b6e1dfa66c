package org.ward.connector.labels.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.BatchOutcome;
import org.ward.connector.graph.GraphBatch;
import org.ward.connector.graph.GraphErrors;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.facts.RetentionLabelState;

import com.microsoft.graph.models.ItemRetentionLabel;
import com.microsoft.graph.models.RetentionLabelSettings;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;

/**
 * Reads items' retention labels on their own ({@code GET /drives/{d}/items/{i}/retentionLabel}, Files.Read.All), twenty
 * to a {@code $batch}: whether a label makes the item a record, is locked, and who applied it — what Ward must know
 * before it changes a label, and never changes when it is a record.
 */
@Component
public class ItemRetentionLabels {

    private final GraphServiceClient graph;
    private final GraphBatch batch;
    private final GraphErrors errors;

    public ItemRetentionLabels(GraphServiceClient graph, GraphBatch batch, GraphErrors errors) {
        this.graph = graph;
        this.batch = batch;
        this.errors = errors;
    }

    /** The labels of any number of items; an item Graph no longer has (404) is left out. */
    public Map<ItemKey, RetentionLabelState> read(List<ItemKey> items) {
        Map<ItemKey, RetentionLabelState> labels = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i += GraphBatch.MAX_REQUESTS_PER_BATCH) {
            labels.putAll(readBatch(items.subList(i, Math.min(items.size(), i + GraphBatch.MAX_REQUESTS_PER_BATCH))));
        }
        return labels;
    }

    private Map<ItemKey, RetentionLabelState> readBatch(List<ItemKey> items) {
        Map<String, RequestInformation> requests = new LinkedHashMap<>();
        List<ItemKey> byId = new ArrayList<>(items);
        for (int i = 0; i < items.size(); i++) {
            ItemKey item = items.get(i);
            requests.put(String.valueOf(i + 1), graph.drives().byDriveId(item.driveId()).items()
                    .byDriveItemId(item.itemId()).retentionLabel().toGetRequestInformation());
        }
        Map<ItemKey, RetentionLabelState> labels = new LinkedHashMap<>();
        for (Map.Entry<String, BatchOutcome> outcome : batch.send(requests).entrySet()) {
            ItemKey item = byId.get(Integer.parseInt(outcome.getKey()) - 1);
            BatchOutcome answer = outcome.getValue();
            if (answer.status() == 404) {
                continue;
            }
            if (!answer.isSuccess()) {
                throw errors.translate(answer);
            }
            labels.put(item, state(answer.read(ItemRetentionLabel::createFromDiscriminatorValue)));
        }
        return labels;
    }

    /** Graph's itemRetentionLabel as Ward's record; an item without a label answers with a null name. */
    public static RetentionLabelState state(ItemRetentionLabel label) {
        if (label == null || label.getName() == null || label.getName().isBlank()) {
            return RetentionLabelState.NONE;
        }
        RetentionLabelSettings settings = label.getRetentionSettings();
        String behavior = settings == null || settings.getBehaviorDuringRetentionPeriod() == null ? null
                : settings.getBehaviorDuringRetentionPeriod().getValue();
        boolean locked = settings != null && Boolean.TRUE.equals(settings.getIsRecordLocked());
        boolean byPerson = label.getLabelAppliedBy() != null && label.getLabelAppliedBy().getUser() != null;
        return new RetentionLabelState(label.getName(), behavior, locked, byPerson,
                !Boolean.FALSE.equals(label.getIsLabelAppliedExplicitly()));
    }
}
