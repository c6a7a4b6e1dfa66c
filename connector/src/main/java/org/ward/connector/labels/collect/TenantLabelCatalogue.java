package org.ward.connector.labels.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ward.connector.graph.GraphErrors;

import com.microsoft.graph.models.SensitivityLabel;
import com.microsoft.graph.models.SensitivityLabelCollectionResponse;
import com.microsoft.graph.serviceclient.GraphServiceClient;

/**
 * The tenant's sensitivity labels ({@code GET /security/dataSecurityAndGovernance/sensitivityLabels}, v1.0,
 * SensitivityLabels.Read.All, global cloud only): how Ward names the label ids Graph reports on files, and finds the
 * id of a label the pack names only by name. Sublabels are listed under their parent with the parent's name first
 * ("Confidential\Patient Data"), as packs write them.
 */
@Component
public class TenantLabelCatalogue {

    /**
     * One label of the tenant.
     *
     * @param id the label's GUID
     * @param name its name as packs write it, a sublabel as "Parent\Child"
     * @param priority Graph's {@code priority}; Ward reads no direction into it (the pack's order decides)
     */
    public record CatalogueLabel(String id, String name, int priority) {
    }

    private final GraphServiceClient graph;
    private final GraphErrors errors;

    public TenantLabelCatalogue(GraphServiceClient graph, GraphErrors errors) {
        this.graph = graph;
        this.errors = errors;
    }

    /** Every label, by id (in Graph's order). */
    public Map<String, CatalogueLabel> read() {
        Map<String, CatalogueLabel> labels = new LinkedHashMap<>();
        SensitivityLabelCollectionResponse page = errors.call(
                () -> graph.security().dataSecurityAndGovernance().sensitivityLabels().get());
        while (page != null) {
            for (SensitivityLabel label : page.getValue() == null ? List.<SensitivityLabel>of() : page.getValue()) {
                add(label, null, labels);
            }
            String next = page.getOdataNextLink();
            page = next == null ? null : errors.call(() -> graph.security().dataSecurityAndGovernance().sensitivityLabels()
                    .withUrl(next).get());
        }
        return labels;
    }

    private static void add(SensitivityLabel label, String parent, Map<String, CatalogueLabel> labels) {
        String own = label.getName() != null ? label.getName() : label.getDisplayName();
        String name = parent == null ? own : parent + "\\" + own;
        if (label.getId() != null && own != null) {
            labels.put(label.getId(), new CatalogueLabel(label.getId(), name,
                    label.getPriority() == null ? 0 : label.getPriority()));
        }
        for (SensitivityLabel sub : label.getSublabels() == null ? new ArrayList<SensitivityLabel>() : label.getSublabels()) {
            add(sub, name, labels);
        }
    }
}
