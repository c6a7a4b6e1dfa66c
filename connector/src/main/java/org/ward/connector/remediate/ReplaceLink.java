package org.ward.connector.remediate;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ward.connector.remediate.collect.ItemPermissions;

/**
 * Replaces a link that does not expire (or expires too late) with one that does. Graph cannot change a link's
 * expiry in place, so this creates a new link of the same type and scope with {@code expirationDateTime} set
 * ({@code POST /drives/{d}/items/{setOn}/createLink}), then deletes the old one — and the URL changes.
 *
 * @param ref the old link
 * @param type view or edit
 * @param scope organization, users or existingAccess (never anonymous)
 * @param expiresAt when the new link expires
 * @param maximum the policy's maximum link lifetime
 */
public record ReplaceLink(PermissionRef ref, String type, String scope, Instant expiresAt, Period maximum)
        implements RemediationAction {

    @Override
    public String kind() {
        return "replace-link";
    }

    @Override
    public String describe() {
        String kind = switch (scope) {
            case "users" -> "specific-people";
            case "organization" -> "organisation-wide";
            default -> scope;
        } + " " + type + " link";
        return "Replace the " + kind + " (permission " + ref.permissionId() + ")" + RemoveLink.where(ref).replace(" from ",
                " on ") + " with a new " + kind + " for the same people that expires " + expiresAt.toString().substring(0, 10)
                + " (the policy's maximum of " + maximum + "), then remove the old link.";
    }

    @Override
    public Optional<PermissionRef> target() {
        return Optional.of(ref);
    }

    @Override
    public List<GraphRequest> requests() {
        return List.of(GraphRequest.createLink(ref.driveId(), ref.setOn()), ref.delete());
    }

    @Override
    public List<String> warnings() {
        return List.of("The link's URL changes: Graph cannot change a link's expiry in place, so the new link has a new"
                + " URL and the old URL stops working. Whoever had it needs the new one, which the owner can copy from"
                + " the file's Manage access panel.");
    }

    @Override
    public List<AppliedWrite> apply(ItemPermissions graph, PermissionSnapshot before) {
        PermissionRef now = ref.withSetOn(before.setOn(ref.recordingItemId()));
        LinkRequest request = new LinkRequest(type, scope, expiresAt, "users".equals(scope) ? before.recipients() : List.of());
        List<AppliedWrite> writes = new ArrayList<>();
        AppliedWrite created = AppliedWrite.attempt(GraphRequest.createLink(now.driveId(), now.setOn()),
                () -> graph.createLink(now.driveId(), now.setOn(), request));
        writes.add(created);
        // Graph hands back an existing identical link rather than a new one; deleting it would undo the replacement.
        if (created.done() && !created.after().id().equals(now.permissionId())) {
            writes.add(AppliedWrite.delete(graph, now));
        }
        return writes;
    }
}
