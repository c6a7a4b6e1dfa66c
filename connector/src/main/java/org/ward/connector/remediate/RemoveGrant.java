package org.ward.connector.remediate;

import java.util.List;
import java.util.Optional;

import org.ward.connector.remediate.collect.ItemPermissions;

/**
 * Removes a direct grant — a guest's, a group's, an "Everyone" claim's, or the grant that widens broken
 * inheritance: {@code DELETE /drives/{d}/items/{setOn}/permissions/{id}}.
 *
 * @param ref the grant
 * @param grant the grant in words ("a read grant to guest eve@example.com")
 */
public record RemoveGrant(PermissionRef ref, String grant) implements RemediationAction {

    @Override
    public String kind() {
        return "remove-grant";
    }

    @Override
    public String describe() {
        return "Remove " + grant + " (permission " + ref.permissionId() + ")" + RemoveLink.where(ref) + ".";
    }

    @Override
    public Optional<PermissionRef> target() {
        return Optional.of(ref);
    }

    @Override
    public List<GraphRequest> requests() {
        return List.of(ref.delete());
    }

    @Override
    public List<String> warnings() {
        return List.of("Whoever the grant is to loses access through it; access they have in other ways (site membership,"
                + " other links) stays.");
    }

    @Override
    public List<AppliedWrite> apply(ItemPermissions graph, PermissionSnapshot before) {
        return List.of(AppliedWrite.delete(graph, ref.withSetOn(before.setOn(ref.recordingItemId()))));
    }
}
