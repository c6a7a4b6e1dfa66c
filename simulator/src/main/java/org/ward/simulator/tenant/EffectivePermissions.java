package org.ward.simulator.tenant;

import java.util.ArrayList;
import java.util.List;

/**
 * The permissions that apply to an item: its own, then those inherited from each ancestor up to the first one
 * with unique permissions, ending with the site's own roles at the drive root (owners, members, visitors, the
 * OneDrive's user, and site-wide grants such as "Everyone except external users").
 */
public final class EffectivePermissions {

    /**
     * One permission that applies to an item.
     *
     * @param permission the permission
     * @param inheritedFrom the ancestor it comes from, null when set on the item itself
     */
    public record Effective(SharingPermission permission, Item inheritedFrom) {
    }

    private EffectivePermissions() {
    }

    public static List<Effective> of(Tenant tenant, Drive drive, Item item) {
        List<Effective> result = new ArrayList<>();
        Item current = item;
        while (current != null) {
            Item source = current == item ? null : current;
            for (SharingPermission p : current.permissions) {
                result.add(new Effective(p, source));
            }
            boolean atRoot = current.id.equals(drive.rootId);
            if (atRoot) {
                for (SharingPermission p : siteRoles(tenant, drive)) {
                    result.add(new Effective(p, source));
                }
            }
            if (atRoot || !current.inheritsPermissions || current.parentId == null) {
                break;
            }
            current = drive.item(current.parentId);
        }
        return result;
    }

    /** The site's own permissions, as SharePoint lists them on a library root. */
    public static List<SharingPermission> siteRoles(Tenant tenant, Drive drive) {
        Site site = tenant.site(drive.siteId);
        List<SharingPermission> roles = new ArrayList<>();
        if (site == null) {
            return roles;
        }
        if (site.personal && drive.ownerUserId != null) {
            roles.add(new SharingPermission(tenant.ids.permissionId(site.id + "|owner"), List.of("owner"),
                    SharingPermission.Kind.USER, null, drive.ownerUserId, null, List.of(), null, false, null,
                    site.createdDateTime));
        } else if (site.groupId != null && site.channelId == null) {
            Group group = tenant.group(site.groupId);
            String name = group == null ? site.displayName : group.displayName;
            roles.add(siteGroup(tenant, site, "owners", name + " Owners", "owner"));
            roles.add(new SharingPermission(tenant.ids.permissionId(site.id + "|group"), List.of("write"),
                    SharingPermission.Kind.GROUP, null, site.groupId, name, List.of(), null, false, null,
                    site.createdDateTime));
            roles.add(siteGroup(tenant, site, "visitors", name + " Visitors", "read"));
        } else {
            roles.add(siteGroup(tenant, site, "owners", site.displayName + " Owners", "owner"));
            roles.add(siteGroup(tenant, site, "members", site.displayName + " Members", "write"));
            roles.add(siteGroup(tenant, site, "visitors", site.displayName + " Visitors", "read"));
        }
        roles.addAll(site.extraGrants);
        return roles;
    }

    private static SharingPermission siteGroup(Tenant tenant, Site site, String role, String name, String right) {
        return new SharingPermission(tenant.ids.permissionId(site.id + "|" + role), List.of(right),
                SharingPermission.Kind.SITE_GROUP, null, site.id + "|" + role, name, List.of(), null, false, null,
                site.createdDateTime);
    }
}
