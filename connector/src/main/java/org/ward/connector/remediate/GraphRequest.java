package org.ward.connector.remediate;

/**
 * A Graph request as the dry run shows it and the audit log records it: method and path below the version root.
 *
 * @param method GET, POST, DELETE
 * @param path e.g. {@code /drives/b!x/items/01A/permissions/p1}
 */
public record GraphRequest(String method, String path) {

    static GraphRequest getPermission(String driveId, String itemId, String permissionId) {
        return new GraphRequest("GET", item(driveId, itemId) + "/permissions/" + permissionId);
    }

    static GraphRequest deletePermission(String driveId, String itemId, String permissionId) {
        return new GraphRequest("DELETE", item(driveId, itemId) + "/permissions/" + permissionId);
    }

    static GraphRequest createLink(String driveId, String itemId) {
        return new GraphRequest("POST", item(driveId, itemId) + "/createLink");
    }

    static GraphRequest setRetentionLabel(String driveId, String itemId) {
        return new GraphRequest("PATCH", item(driveId, itemId) + "/retentionLabel");
    }

    static GraphRequest assignSensitivityLabel(String driveId, String itemId) {
        return new GraphRequest("POST", item(driveId, itemId) + "/assignSensitivityLabel");
    }

    private static String item(String driveId, String itemId) {
        return "/drives/" + driveId + "/items/" + itemId;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
