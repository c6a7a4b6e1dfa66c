package org.ward.connector.remediate;

import java.util.List;

import org.ward.connector.remediate.collect.ItemPermissions;

/**
 * A finding Ward does not fix itself: copies (Ward deletes nothing) and the findings about where and how recordings
 * are kept. The owner is told what the policy asks.
 *
 * @param why why Ward leaves it to a person
 * @param remediation the policy rule's remediation text
 * @param tell whom to tell (the finding's owners), empty when unknown
 */
public record NoAutomatedAction(String why, String remediation, List<String> tell) implements RemediationAction {

    public NoAutomatedAction {
        tell = List.copyOf(tell);
    }

    @Override
    public String kind() {
        return "none";
    }

    @Override
    public String describe() {
        return why + (tell.isEmpty() ? " Ward does not know who owns the place; ask its site administrator."
                : " Tell " + String.join(", ", tell) + ".");
    }

    @Override
    public List<GraphRequest> requests() {
        return List.of();
    }

    @Override
    public List<AppliedWrite> apply(ItemPermissions graph, PermissionSnapshot before) {
        return List.of();
    }
}
