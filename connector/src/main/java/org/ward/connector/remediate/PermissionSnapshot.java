package org.ward.connector.remediate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A permission as Graph lists it at one moment: what the audit log keeps as "before" and "after". A link's URL is a
 * key to the file and is never kept.
 *
 * @param id the permission id
 * @param roles read, write, owner
 * @param linkScope anonymous, organization, users, existingAccess; null for a grant
 * @param linkType view, edit; null for a grant
 * @param expiresAt when it expires, null for never
 * @param grantedTo who a grant is to ("user Dan Partner &lt;dan@northvale.nhs.uk&gt;", "siteUser Everyone except
 *     external users"), null for a link
 * @param recipients e-mail addresses a specific-people link was given to
 * @param inheritedFromId the item it is inherited from, null when set on the item read
 * @param inheritedFromPath that item's path as Graph gives it ("/drive/root:" for the library itself)
 */
public record PermissionSnapshot(String id, List<String> roles, String linkScope, String linkType, Instant expiresAt,
        String grantedTo, List<String> recipients, String inheritedFromId, String inheritedFromPath) {

    public PermissionSnapshot {
        roles = roles == null ? List.of() : List.copyOf(roles);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public boolean link() {
        return linkScope != null;
    }

    /** The item the permission is set on, read through {@code itemRead}. */
    public String setOn(String itemRead) {
        return inheritedFromId == null ? itemRead : inheritedFromId;
    }

    /** Set on the library's root: the site's own permissions, which an item's permissions cannot change. */
    public boolean setOnLibraryRoot() {
        return inheritedFromPath != null && inheritedFromPath.endsWith("root:");
    }

    /** In words: "an Anyone link (view), no expiry, set on the recording", "read for user Dan ..., no expiry, ...". */
    public String describe() {
        String what = link() ? switch (linkScope) {
            case "anonymous" -> "an Anyone link";
            case "organization" -> "an organisation-wide link";
            case "users" -> "a specific-people link" + (recipients.isEmpty() ? "" : " for " + String.join(", ", recipients));
            default -> "a link (" + linkScope + ")";
        } + " (" + linkType + ")" : String.join("/", roles) + " for " + grantedTo;
        String where = inheritedFromId == null ? "set on the recording" : setOnLibraryRoot() ? "set on the library"
                : "set on a folder above the recording (item " + inheritedFromId + ")";
        return what + ", " + (expiresAt == null ? "no expiry" : "expires " + expiresAt) + ", " + where;
    }

    /** The fields for the audit log's JSON, in a fixed order. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("roles", roles);
        if (link()) {
            out.put("linkScope", linkScope);
            out.put("linkType", linkType);
            out.put("recipients", recipients);
        } else {
            out.put("grantedTo", grantedTo);
        }
        out.put("expires", expiresAt == null ? "never" : expiresAt.toString());
        out.put("inheritedFrom", inheritedFromId);
        return out;
    }
}
