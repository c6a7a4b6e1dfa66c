package org.ward.rules.sharing;

import java.time.Instant;

import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * BROKEN_INHERITANCE_WIDENS_ACCESS: the recording (or a folder above it) stopped inheriting its site's permissions
 * and its own permissions let in people the site does not: a user or group grant beyond the site's own groups.
 * SharePoint copies the site's roles onto an item when inheritance breaks, so their presence among the item's own
 * permissions is how Graph shows it. Links are judged by the link checks.
 */
final class BrokenInheritanceWidensAccessCheck extends SharingCheck {

    @Override
    String offence(AccessGrant grant, RecordingAccess access, PolicyPack policy, Rule rule, Instant now) {
        if (grant.link() || grant.kind() == AccessGrant.Kind.SITE_GROUP || isSiteGroup(grant, access)) {
            return null;
        }
        String setOn = grant.inheritedFrom();
        if (AccessGrant.ROOT.equals(setOn)) {
            return null;
        }
        boolean broken = access.grants().stream().anyMatch(g -> java.util.Objects.equals(g.inheritedFrom(), setOn)
                && (g.kind() == AccessGrant.Kind.SITE_GROUP || isSiteGroup(g, access)));
        if (!broken) {
            return null;
        }
        return (setOn == null ? "The recording" : "A folder above it (item " + setOn + ")")
                + " has its own permissions instead of its site's, and " + grant.describe() + " lets in someone the site does not.";
    }

    @Override
    String title(RecordingAccess access, AccessGrant grant) {
        return "A " + access.kindWords() + " is shared beyond its site through its own permissions.";
    }

    /** The site's own Microsoft 365 group counts as the site's membership. */
    private static boolean isSiteGroup(AccessGrant grant, RecordingAccess access) {
        return grant.kind() == AccessGrant.Kind.GROUP && access.location().groupId() != null
                && access.location().groupId().equals(grant.principalId());
    }

}
