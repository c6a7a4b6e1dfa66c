package org.ward.connector.protect.collect;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphErrors;
import org.ward.connector.labels.collect.ItemRetentionLabels;
import org.ward.rules.facts.RetentionLabelState;

import com.microsoft.graph.drives.item.items.item.assignsensitivitylabel.AssignSensitivityLabelPostRequestBody;
import com.microsoft.graph.models.ItemRetentionLabel;
import com.microsoft.graph.models.SensitivityLabelAssignmentMethod;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.http.middleware.options.HeadersInspectionOption;

/**
 * The Graph writes ward protect makes, through the SDK and the one resilience layer: set an item's retention label
 * ({@code PATCH …/retentionLabel}, by name) and ask for a file's sensitivity label ({@code POST
 * …/assignSensitivityLabel}, asynchronous: 202 and a monitor URL in {@code Location}). Failures arrive as
 * {@link GraphAccessException}s with Graph's status and code; what they mean is the caller's to decide.
 */
@Component
public class LabelWrites {

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public LabelWrites(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /** Applies a retention label by name and returns the label as Graph then reports it. */
    public RetentionLabelState setRetentionLabel(String driveId, String itemId, String name) {
        ItemRetentionLabel label = new ItemRetentionLabel();
        label.setName(name);
        return ItemRetentionLabels.state(errors.call(() -> graph.drives().byDriveId(driveId).items().byDriveItemId(itemId)
                .retentionLabel().patch(label)));
    }

    /**
     * Asks Graph to put a sensitivity label on a file, the standard way (never "privileged", which is how a person's
     * label reads).
     *
     * @param justification why, for Microsoft's audit; Graph requires one only to lower or remove a label, which Ward
     *     never does
     * @return the job's monitor URL
     */
    public String assignSensitivityLabel(String driveId, String itemId, String labelId, String justification) {
        AssignSensitivityLabelPostRequestBody body = new AssignSensitivityLabelPostRequestBody();
        body.setSensitivityLabelId(labelId);
        body.setAssignmentMethod(SensitivityLabelAssignmentMethod.Standard);
        body.setJustificationText(justification);
        HeadersInspectionOption headers = new HeadersInspectionOption(false, true);
        errors.call(() -> {
            graph.drives().byDriveId(driveId).items().byDriveItemId(itemId).assignSensitivityLabel()
                    .post(body, request -> request.options.add(headers));
            return null;
        });
        Set<String> location = headers.getResponseHeaders().get("Location");
        if (location == null || location.isEmpty()) {
            location = headers.getResponseHeaders().get("location");
        }
        if (location == null || location.isEmpty()) {
            throw new GraphAccessException("Graph accepted POST /drives/" + driveId + "/items/" + itemId
                    + "/assignSensitivityLabel but gave no Location to follow the job; Ward reads the file's label on the"
                    + " next run instead.", 202, "noMonitor", null);
        }
        return location.iterator().next();
    }
}
