package org.ward.connector.labels.collect;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.BatchOutcome;
import org.ward.connector.graph.GraphBatch;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.inventory.ItemStore.UnreadLabel;
import org.ward.rules.facts.ItemKey;

import com.microsoft.graph.models.ExtractSensitivityLabelsResult;
import com.microsoft.graph.models.SensitivityLabelAssignment;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestInformation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sensitivity-label collector: {@code POST /drives/{id}/items/{id}/extractSensitivityLabels} for up to twenty
 * files in one {@code $batch}. Graph answers from its own metadata unless the file changed since it last looked.
 */
@Component
public class FileSensitivityLabels {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final GraphServiceClient graph;
    private final GraphBatch batch;
    private final GraphErrors errors;

    public FileSensitivityLabels(GraphServiceClient graph, GraphBatch batch, GraphErrors errors) {
        this.graph = graph;
        this.batch = batch;
        this.errors = errors;
    }

    /**
     * A file's sensitivity label as Graph reports it now.
     *
     * @param labelId the label's id, null when the file has none (or Graph could not read it)
     * @param assignmentMethod standard, privileged (a person applied it) or auto; null when there is no label
     * @param refusal why Graph could not read it (415 unsupported type, 423 encrypted), null when it could
     */
    public record FileLabel(String labelId, String assignmentMethod, String refusal) {
    }

    /** Reads the labels of any number of files, with how each was applied; a file Graph no longer has is left out. */
    public Map<ItemKey, FileLabel> assignments(List<ItemKey> files) {
        Map<ItemKey, FileLabel> labels = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i += GraphBatch.MAX_REQUESTS_PER_BATCH) {
            List<ItemKey> chunk = files.subList(i, Math.min(files.size(), i + GraphBatch.MAX_REQUESTS_PER_BATCH));
            Map<String, RequestInformation> requests = new LinkedHashMap<>();
            for (int j = 0; j < chunk.size(); j++) {
                requests.put(String.valueOf(j + 1), extract(chunk.get(j).driveId(), chunk.get(j).itemId()));
            }
            for (Map.Entry<String, BatchOutcome> outcome : batch.send(requests).entrySet()) {
                ItemKey file = chunk.get(Integer.parseInt(outcome.getKey()) - 1);
                BatchOutcome answer = outcome.getValue();
                if (answer.status() == 404) {
                    continue;
                }
                if (answer.status() == 415 || answer.status() == 423) {
                    labels.put(file, new FileLabel(null, null, answer.status() + " " + answer.error().code()));
                    continue;
                }
                if (!answer.isSuccess()) {
                    throw errors.translate(answer);
                }
                SensitivityLabelAssignment first = firstAssignment(answer);
                labels.put(file, first == null ? new FileLabel(null, null, null) : new FileLabel(first.getSensitivityLabelId(),
                        first.getAssignmentMethod() == null ? null : first.getAssignmentMethod().getValue(), null));
            }
        }
        return labels;
    }

    private RequestInformation extract(String driveId, String itemId) {
        RequestInformation request = graph.drives().byDriveId(driveId).items().byDriveItemId(itemId)
                .extractSensitivityLabels().toPostRequestInformation();
        // The action takes no parameters, but a batched step needs a typed body: an empty JSON object.
        request.setStreamContent(new ByteArrayInputStream(EMPTY_OBJECT), "application/json");
        return request;
    }

    /**
     * Reads the labels of up to twenty files.
     *
     * @return each file's label id, or null when it has none, is gone (404), Graph cannot read its type (415) or
     *     cannot open it (423, encrypted)
     */
    public Map<UnreadLabel, String> read(List<UnreadLabel> files) {
        Map<String, RequestInformation> requests = new LinkedHashMap<>();
        Map<String, UnreadLabel> byId = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            UnreadLabel file = files.get(i);
            String id = String.valueOf(i + 1);
            requests.put(id, extract(file.driveId(), file.itemId()));
            byId.put(id, file);
        }
        Map<UnreadLabel, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, BatchOutcome> outcome : batch.send(requests).entrySet()) {
            UnreadLabel file = byId.get(outcome.getKey());
            BatchOutcome answer = outcome.getValue();
            if (answer.status() == 404 || answer.status() == 415 || answer.status() == 423) {
                labels.put(file, null);
                continue;
            }
            if (!answer.isSuccess()) {
                throw errors.translate(answer);
            }
            labels.put(file, labelId(answer));
        }
        return labels;
    }

    /**
     * The first label in an answer, or null. Graph documents the result as {@code {"labels": [...]}} but answers some
     * tenants with it wrapped, {@code {"value": {"labels": [...]}}} (seen in the wild: demisto/content#44315 reads
     * "labels inside value"); both are read.
     */
    static String labelId(BatchOutcome answer) {
        SensitivityLabelAssignment first = firstAssignment(answer);
        return first == null ? null : first.getSensitivityLabelId();
    }

    /** The first assignment in an answer, either shape ({@link #labelId}), or null. */
    static SensitivityLabelAssignment firstAssignment(BatchOutcome answer) {
        BatchOutcome unwrapped = answer;
        JsonNode body = JSON.readTree(answer.body().isBlank() ? "{}" : answer.body());
        if (!body.has("labels") && body.path("value").isObject()) {
            unwrapped = new BatchOutcome(answer.id(), answer.request(), answer.status(), answer.headers(),
                    JSON.writeValueAsString(body.get("value")));
        }
        ExtractSensitivityLabelsResult result = unwrapped.read(ExtractSensitivityLabelsResult::createFromDiscriminatorValue);
        List<SensitivityLabelAssignment> assigned = result.getLabels() == null ? List.of() : result.getLabels();
        return assigned.isEmpty() ? null : assigned.get(0);
    }
}
