package org.ward.connector.remediate;

import java.util.List;

import org.ward.connector.remediate.collect.ItemPermissions;

/**
 * A label Ward applies, but through {@code ward protect} rather than finding by finding: protect re-reads each item's
 * label, never lowers one or touches a record, paces the metered sensitivity-label API under the tenant's cap and
 * audits every change (docs/protect.md).
 *
 * @param kind apply-retention-label or apply-sensitivity-label
 * @param label the label the pack names
 * @param request the Graph request protect would make
 */
public record LabelByProtect(String kind, String label, GraphRequest request) implements RemediationAction {

    @Override
    public String describe() {
        return "ward protect applies \"" + label + "\" here, with every other label change the findings call for: run ward"
                + " protect to see the plan, then ward protect --apply.";
    }

    @Override
    public List<GraphRequest> requests() {
        return List.of(request);
    }

    @Override
    public List<AppliedWrite> apply(ItemPermissions graph, PermissionSnapshot before) {
        return List.of();
    }
}
