package org.ward.connector.remediate;

/**
 * Which permission an action is about and where it is set.
 *
 * @param driveId the recording's drive
 * @param recordingItemId the recording the finding is about
 * @param setOn the item the permission is set on: the recording, or the folder above it it is inherited from
 * @param permissionId Graph's permission id
 */
public record PermissionRef(String driveId, String recordingItemId, String setOn, String permissionId) {

    /** The same permission, set where Graph says it is now. */
    PermissionRef withSetOn(String itemId) {
        return new PermissionRef(driveId, recordingItemId, itemId, permissionId);
    }

    /** Re-reading through the recording shows whether the permission still reaches it, wherever it is set. */
    GraphRequest reread() {
        return GraphRequest.getPermission(driveId, recordingItemId, permissionId);
    }

    GraphRequest delete() {
        return GraphRequest.deletePermission(driveId, setOn, permissionId);
    }
}
