package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.List;

/**
 * A permission set directly on an item (or on a site): a sharing link, or a grant to a user, group, SharePoint
 * group or claim such as "Everyone except external users".
 *
 * @param id the permission id
 * @param roles read, write, owner
 * @param kind what was granted
 * @param link the link, for kind LINK
 * @param principalId the user or group id for USER and GROUP grants; the claim name for SITE_USER
 * @param principalName display name for SITE_GROUP and SITE_USER grants
 * @param recipients user ids of a "specific people" link's recipients
 * @param expirationDateTime when the permission expires, null for never
 * @param hasPassword whether the link needs a password
 * @param invitedEmail for an invitation to someone outside the directory
 * @param createdDateTime when it was created
 */
public record SharingPermission(String id, List<String> roles, Kind kind, Link link, String principalId,
        String principalName, List<String> recipients, Instant expirationDateTime, boolean hasPassword,
        String invitedEmail, Instant createdDateTime) {

    /** The kinds of permission. */
    public enum Kind { LINK, USER, GROUP, SITE_GROUP, SITE_USER }

    /**
     * A sharing link.
     *
     * @param type view, edit or embed
     * @param scope anonymous, organization, users or existingAccess
     * @param webUrl the URL people open
     * @param preventsDownload whether downloading is blocked
     */
    public record Link(String type, String scope, String webUrl, boolean preventsDownload) {
    }

    public SharingPermission withRoles(List<String> newRoles) {
        return new SharingPermission(id, List.copyOf(newRoles), kind, link, principalId, principalName, recipients,
                expirationDateTime, hasPassword, invitedEmail, createdDateTime);
    }

    public SharingPermission withRecipients(List<String> newRecipients) {
        return new SharingPermission(id, roles, kind, link, principalId, principalName, List.copyOf(newRecipients),
                expirationDateTime, hasPassword, invitedEmail, createdDateTime);
    }
}
