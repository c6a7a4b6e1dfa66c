package org.ward.simulator.permissions;

import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.EffectivePermissions;
import org.ward.simulator.tenant.Group;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.SharingPermission;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a permission in Graph's v1.0 shape: {@code roles}, {@code link} (type, scope, webUrl, preventsDownload),
 * {@code grantedToV2} (user, group, siteUser, siteGroup), {@code grantedToIdentitiesV2} for a link's recipients,
 * {@code invitation}, {@code inheritedFrom}, {@code expirationDateTime}, {@code hasPassword}, {@code shareId}.
 */
public final class PermissionJson {

    private PermissionJson() {
    }

    public static ObjectNode render(Tenant tenant, Drive drive, EffectivePermissions.Effective effective) {
        SharingPermission p = effective.permission();
        ObjectNode node = Json.object();
        node.put("id", p.id());
        ArrayNode roles = node.putArray("roles");
        p.roles().forEach(roles::add);
        if (p.expirationDateTime() != null) {
            node.put("expirationDateTime", Json.date(p.expirationDateTime()));
        }
        switch (p.kind()) {
            case LINK -> {
                ObjectNode link = node.putObject("link");
                link.put("scope", p.link().scope());
                link.put("type", p.link().type());
                link.put("webUrl", p.link().webUrl());
                link.put("preventsDownload", p.link().preventsDownload());
                node.put("hasPassword", p.hasPassword());
                node.put("shareId", "u!" + java.util.Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(p.link().webUrl().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                ArrayNode recipients = node.putArray("grantedToIdentitiesV2");
                for (String recipientId : p.recipients()) {
                    User user = tenant.user(recipientId);
                    if (user != null) {
                        ObjectNode identity = recipients.addObject();
                        identity.set("user", userIdentity(user));
                        identity.set("siteUser", siteUser(user, tenant));
                    }
                }
            }
            case USER -> {
                User user = tenant.user(p.principalId());
                ObjectNode granted = node.putObject("grantedToV2");
                if (user != null) {
                    granted.set("user", userIdentity(user));
                    granted.set("siteUser", siteUser(user, tenant));
                }
                if (p.invitedEmail() != null || (user != null && user.guest())) {
                    ObjectNode invitation = node.putObject("invitation");
                    invitation.put("email", p.invitedEmail() != null ? p.invitedEmail() : user.mail());
                    invitation.put("signInRequired", true);
                }
            }
            case GROUP -> {
                Group group = tenant.group(p.principalId());
                ObjectNode identity = node.putObject("grantedToV2").putObject("group");
                identity.put("id", p.principalId());
                identity.put("displayName", group == null ? p.principalName() : group.displayName);
                if (group != null) {
                    identity.put("email", group.mail);
                }
            }
            case SITE_GROUP -> {
                ObjectNode identity = node.putObject("grantedToV2").putObject("siteGroup");
                identity.put("id", String.valueOf(Math.abs(p.principalId().hashCode() % 100)));
                identity.put("displayName", p.principalName());
                identity.put("loginName", p.principalName());
            }
            case SITE_USER -> {
                ObjectNode identity = node.putObject("grantedToV2").putObject("siteUser");
                identity.put("id", String.valueOf(Math.abs(p.principalId().hashCode() % 100) + 100));
                identity.put("displayName", p.principalName());
                identity.put("loginName", p.principalId());
            }
            default -> throw new IllegalStateException(p.kind().name());
        }
        Item from = effective.inheritedFrom();
        if (from != null) {
            ObjectNode inherited = node.putObject("inheritedFrom");
            inherited.put("driveId", drive.id);
            inherited.put("id", from.id);
            inherited.put("path", from.id.equals(drive.rootId) ? "/drive/root:" : drive.parentPath(from) + "/" + from.name);
        }
        return node;
    }

    private static ObjectNode userIdentity(User user) {
        ObjectNode node = Json.object();
        node.put("id", user.id());
        node.put("displayName", user.displayName());
        node.put("email", user.mail());
        return node;
    }

    private static ObjectNode siteUser(User user, Tenant tenant) {
        ObjectNode node = Json.object();
        node.put("id", String.valueOf(Math.abs(user.id().hashCode() % 1000) + 10));
        node.put("displayName", user.displayName());
        node.put("email", user.mail());
        node.put("loginName", "i:0#.f|membership|" + user.userPrincipalName().toLowerCase(java.util.Locale.ROOT));
        return node;
    }
}
