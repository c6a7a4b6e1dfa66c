package org.ward.rules.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One permission that applies to an item, as Graph lists it: a sharing link, or a grant to a user, a Microsoft 365
 * group, a SharePoint group or a claim such as "Everyone except external users". A link's URL is a key to the file
 * and is never kept.
 *
 * @param permissionId Graph's permission id
 * @param roles read, write, owner
 * @param kind what was granted
 * @param principalId the user's or group's object id (for claims, their login name)
 * @param principalName display name
 * @param principalLogin SharePoint login name, when given (guests carry "#ext#")
 * @param principalEmail e-mail or UPN, when known
 * @param guest whether the principal is outside the organisation
 * @param linkScope anonymous, organization, users or existingAccess (links only)
 * @param linkType view, edit or embed (links only)
 * @param expiresAt when the permission expires, null when never
 * @param hasPassword whether the link needs a password, null when Graph does not say
 * @param inheritedFrom the ancestor item it is set on, null when set on the item itself
 * @param recipients people a "specific people" link was given to (e-mail or UPN)
 */
public record AccessGrant(String permissionId, List<String> roles, Kind kind, String principalId, String principalName,
        String principalLogin, String principalEmail, boolean guest, String linkScope, String linkType, Instant expiresAt,
        Boolean hasPassword, String inheritedFrom, List<String> recipients) {

    /** The kinds of grant. */
    public enum Kind { LINK, USER, GROUP, SITE_GROUP, SITE_USER, APPLICATION }

    /** The library root, as Graph lets callers name it: permissions inherited from it are the site's own. */
    public static final String ROOT = "root";

    public AccessGrant {
        roles = List.copyOf(roles);
        recipients = List.copyOf(recipients);
    }

    public boolean link() {
        return kind == Kind.LINK;
    }

    public boolean inherited() {
        return inheritedFrom != null;
    }

    /**
     * The same permission as it applies to an item below {@code itemId}, the item it was read on: set on that item
     * unless Graph already said it was inherited from further up.
     */
    public AccessGrant inheritedThrough(String itemId) {
        return inheritedFrom != null ? this : new AccessGrant(permissionId, roles, kind, principalId, principalName,
                principalLogin, principalEmail, guest, linkScope, linkType, expiresAt, hasPassword, itemId, recipients);
    }

    public boolean canEdit() {
        return roles.contains("write") || roles.contains("owner") || "edit".equals(linkType);
    }

    /** An expired link or grant no longer lets anyone in. */
    public boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    /** A short description for reasons and reports, e.g. "an Anyone link (view, no expiry)". */
    public String describe() {
        if (link()) {
            String scope = switch (linkScope == null ? "" : linkScope) {
                case "anonymous" -> "an Anyone link";
                case "organization" -> "an organisation-wide link";
                case "users" -> "a specific-people link";
                default -> "a link (" + linkScope + ")";
            };
            return scope + " (" + linkType + ", " + (expiresAt == null ? "no expiry" : "expires " + expiresAt.toString()
                    .substring(0, 10)) + ")";
        }
        String who = principalName != null ? principalName : principalEmail != null ? principalEmail : principalId;
        return "a " + String.join("/", roles) + " grant to " + (guest ? "guest " : "") + who;
    }

    /**
     * A first guess for collectors: "#ext#" in the SharePoint login, or an address outside the given domains. The sharing
     * stage replaces it with Graph's own word ({@link Membership}) before any check reads it.
     */
    public static boolean isGuest(String email, String login, List<String> tenantDomains) {
        if (login != null && login.toLowerCase(Locale.ROOT).contains("#ext#")) {
            return true;
        }
        if (email == null || !email.contains("@")) {
            return false;
        }
        if (email.toLowerCase(Locale.ROOT).contains("#ext#")) {
            return true;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1);
        return tenantDomains.stream().noneMatch(d -> d.equalsIgnoreCase(domain));
    }
}
