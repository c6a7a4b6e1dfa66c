package org.ward.connector.remediate;

import java.util.function.Supplier;

import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.remediate.collect.ItemPermissions;

/**
 * One Graph write an action made, and how it went: each becomes one audit entry.
 *
 * @param request method and path
 * @param after the permission after the write (the new link); null when it is gone or the write failed
 * @param failure what Graph said when it refused; null when the write was done
 */
public record AppliedWrite(GraphRequest request, PermissionSnapshot after, GraphAccessException failure) {

    public boolean done() {
        return failure == null;
    }

    /** Makes one write, keeping a refusal as the outcome instead of throwing it. */
    static AppliedWrite attempt(GraphRequest request, Supplier<PermissionSnapshot> write) {
        try {
            return new AppliedWrite(request, write.get(), null);
        } catch (GraphAccessException refused) {
            return new AppliedWrite(request, null, refused);
        }
    }

    static AppliedWrite delete(ItemPermissions graph, PermissionRef ref) {
        return attempt(ref.delete(), () -> {
            graph.delete(ref.driveId(), ref.setOn(), ref.permissionId());
            return null;
        });
    }
}
