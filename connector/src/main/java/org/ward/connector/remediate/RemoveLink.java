package org.ward.connector.remediate;

import java.util.List;
import java.util.Optional;

import org.ward.connector.remediate.collect.ItemPermissions;

/**
 * Removes a sharing link: {@code DELETE /drives/{d}/items/{setOn}/permissions/{id}}. Whoever had the URL loses
 * access through it; people with access of their own keep it.
 *
 * @param ref the link
 * @param link the link in words ("an Anyone link (view, no expiry)")
 * @param note why removal rather than a replacement, or null
 */
public record RemoveLink(PermissionRef ref, String link, String note) implements RemediationAction {

    @Override
    public String kind() {
        return "remove-link";
    }

    @Override
    public String describe() {
        return "Remove " + link + " (permission " + ref.permissionId() + ")" + where(ref) + "." + (note == null ? "" : " " + note);
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
        return List.of("Everyone who opens the recording through this link loses access; the owner can share it again"
                + " with the specific people who need it.");
    }

    @Override
    public List<AppliedWrite> apply(ItemPermissions graph, PermissionSnapshot before) {
        return List.of(AppliedWrite.delete(graph, ref.withSetOn(before.setOn(ref.recordingItemId()))));
    }

    static String where(PermissionRef ref) {
        return ref.setOn() == null || ref.setOn().equals(ref.recordingItemId()) ? " from the recording"
                : " from the folder above the recording it is set on (item " + ref.setOn() + ")";
    }
}
