package org.ward.simulator.drives;

import java.time.Instant;
import java.util.List;

import org.ward.simulator.lists.ListFields;
import org.ward.simulator.tenant.SharePointGuid;
import org.ward.simulator.permissions.PermissionJson;
import org.ward.simulator.server.GraphCall;
import org.ward.simulator.server.Json;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.EffectivePermissions;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.SharingPermission;
import org.ward.simulator.tenant.Site;
import org.ward.simulator.tenant.Tenant;
import org.ward.simulator.tenant.User;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes driveItems in Graph's v1.0 shape, with the facets and expansions the request asks for. */
public final class DriveItemJson {

    /**
     * How an item is being written.
     *
     * @param inDelta in a delta page (no {@code parentReference.path})
     * @param hierarchicalSharing {@code Prefer: hierarchicalsharing}: a {@code shared} facet on permission roots only
     * @param showSharingChanges {@code Prefer: deltashowsharingchanges}: annotate items whose sharing changed
     * @param annotateFolders put that annotation on folders too; Graph is reported to set it on files only
     *     (microsoftgraph/msgraph-sdk-java#2548), which is the default
     */
    public record Options(boolean inDelta, boolean hierarchicalSharing, boolean showSharingChanges, boolean annotateFolders) {
        public static final Options PLAIN = new Options(false, false, false, false);
    }

    private final Tenant tenant;

    public DriveItemJson(Tenant tenant) {
        this.tenant = tenant;
    }

    public ObjectNode render(Drive drive, Item item, GraphCall call, Options options) {
        ObjectNode node = Json.object();
        node.put("id", item.id);
        if (item.deleted) {
            node.putObject("deleted").put("state", "deleted");
            ObjectNode parent = node.putObject("parentReference");
            parent.put("driveId", drive.id);
            parent.put("driveType", drive.driveType);
            parent.put("id", item.parentId);
            if (item.folder) {
                node.putObject("folder").put("childCount", 0);
            } else {
                node.putObject("file");
            }
            return node;
        }
        boolean isRoot = item.id.equals(drive.rootId);
        node.put("name", isRoot ? "root" : item.name);
        String etagGuid = SharePointGuid.of(item.id);
        node.put("eTag", "\"{" + etagGuid + "}," + item.version + "\"");
        if (!item.folder) {
            node.put("cTag", "\"c:{" + etagGuid + "}," + item.version + "\"");
        }
        Json.putDate(node, "createdDateTime", item.createdDateTime);
        Json.putDate(node, "lastModifiedDateTime", item.lastModifiedDateTime);
        node.put("webUrl", drive.webUrlOf(item));
        node.put("size", item.folder ? folderSize(drive, item) : item.size);
        identity(node, "createdBy", item.createdById);
        identity(node, "lastModifiedBy", item.lastModifiedById);
        ObjectNode parent = node.putObject("parentReference");
        parent.put("driveType", drive.driveType);
        parent.put("driveId", drive.id);
        if (!isRoot) {
            parent.put("id", item.parentId);
            Item parentItem = drive.item(item.parentId);
            if (parentItem != null && !parentItem.id.equals(drive.rootId)) {
                parent.put("name", parentItem.name);
            }
            if (!options.inDelta()) {
                parent.put("path", drive.parentPath(item));
            }
        }
        parent.put("siteId", drive.siteId);
        ObjectNode fsInfo = node.putObject("fileSystemInfo");
        Json.putDate(fsInfo, "createdDateTime", item.createdDateTime);
        Json.putDate(fsInfo, "lastModifiedDateTime", item.lastModifiedDateTime);
        if (item.folder) {
            node.putObject("folder").put("childCount", drive.children(item.id).stream().filter(c -> !c.deleted).count());
            if (isRoot) {
                node.putObject("root");
            }
        } else {
            ObjectNode file = node.putObject("file");
            file.put("mimeType", item.mimeType);
            ObjectNode hashes = file.putObject("hashes");
            hashes.put("quickXorHash", item.quickXorHash);
            if (item.sha1Hash != null) {
                hashes.put("sha1Hash", item.sha1Hash);
            }
            if (item.sha256Hash != null) {
                hashes.put("sha256Hash", item.sha256Hash);
            }
            media(node, item.media);
        }
        shared(node, drive, item, options);
        // Marks the item whose latest change was to its sharing, including the removal of its last permission.
        if (options.showSharingChanges() && item.sharingSeq() != 0 && item.sharingSeq() == item.changeSeq()
                && (!item.folder || options.annotateFolders())) {
            node.put("@microsoft.graph.sharedChanged", "True");
        }
        if (call.odata().selects("sharepointIds") || call.odata().expands("sharepointIds")) {
            Site site = tenant.site(drive.siteId);
            ObjectNode ids = node.putObject("sharepointIds");
            ids.put("listId", SharePointGuid.listIdOf(drive));
            ids.put("listItemId", String.valueOf(item.listItemId()));
            ids.put("listItemUniqueId", etagGuid.toLowerCase());
            if (site != null) {
                ids.put("siteId", site.siteCollectionId);
                ids.put("siteUrl", site.webUrl);
                ids.put("webId", site.webId);
            }
            ids.put("tenantId", tenant.id);
        }
        expansions(node, drive, item, call);
        return node;
    }

    private void expansions(ObjectNode node, Drive drive, Item item, GraphCall call) {
        if (call.odata().expands("permissions")) {
            ArrayNode permissions = node.putArray("permissions");
            for (EffectivePermissions.Effective e : EffectivePermissions.of(tenant, drive, item)) {
                permissions.add(PermissionJson.render(tenant, drive, e));
            }
        }
        if (call.odata().expands("retentionLabel")) {
            node.set("retentionLabel", RetentionLabelJson.render(tenant, item));
        }
        if (call.odata().expands("listItem")) {
            ObjectNode listItem = node.putObject("listItem");
            listItem.put("id", String.valueOf(item.listItemId()));
            String fields = ListFields.fieldsOptionsWithin(call.odata().expansion("listItem").options());
            if (fields != null) {
                listItem.set("fields", ListFields.render(tenant, drive, item, ListFields.selected(fields)));
            }
        }
    }

    private void shared(ObjectNode node, Drive drive, Item item, Options options) {
        if (item.id.equals(drive.rootId)) {
            return;
        }
        List<SharingPermission> sharing;
        if (options.hierarchicalSharing()) {
            // Microsoft: "sharing information is returned for the root of the permissions hierarchy, and items that
            // explicitly have sharing changes", with an empty facet on a root that is unique but not shared
            // (driveitem-delta, "Scanning permissions hierarchies"). Items that inherit get none.
            if (!item.uniquePermissions) {
                return;
            }
            sharing = item.permissions;
            if (sharing.isEmpty()) {
                node.putObject("shared");
                return;
            }
        } else {
            sharing = sharingAbove(drive, item);
            if (sharing.isEmpty()) {
                return;
            }
        }
        String scope = "users";
        Instant since = null;
        for (SharingPermission p : sharing) {
            if (p.kind() == SharingPermission.Kind.LINK) {
                if ("anonymous".equals(p.link().scope())) {
                    scope = "anonymous";
                } else if ("organization".equals(p.link().scope()) && !"anonymous".equals(scope)) {
                    scope = "organization";
                }
            }
            if (since == null || (p.createdDateTime() != null && p.createdDateTime().isBefore(since))) {
                since = p.createdDateTime();
            }
        }
        ObjectNode facet = node.putObject("shared");
        facet.put("scope", scope);
        Json.putDate(facet, "sharedDateTime", since);
        if (item.createdById != null && tenant.user(item.createdById) != null) {
            User owner = tenant.user(item.createdById);
            ObjectNode user = facet.putObject("owner").putObject("user");
            user.put("id", owner.id());
            user.put("displayName", owner.displayName());
        }
    }

    /**
     * Permissions set on the item or on the folders it inherits from, below the library root: the site's own roles
     * are not sharing.
     */
    private static List<SharingPermission> sharingAbove(Drive drive, Item item) {
        List<SharingPermission> found = null;
        Item current = item;
        while (current != null && !current.id.equals(drive.rootId)) {
            if (!current.permissions.isEmpty()) {
                if (found == null) {
                    found = new java.util.ArrayList<>();
                }
                found.addAll(current.permissions);
            }
            if (!current.inheritsPermissions || current.parentId == null) {
                break;
            }
            current = drive.item(current.parentId);
        }
        return found == null ? List.of() : found;
    }

    private static void media(ObjectNode node, Item.Media media) {
        if (media == null) {
            return;
        }
        switch (media.kind()) {
            case "video" -> {
                ObjectNode video = node.putObject("video");
                if (media.durationMillis() != null) {
                    video.put("duration", media.durationMillis());
                }
                if (media.width() != null) {
                    video.put("width", media.width());
                    video.put("height", media.height());
                }
                video.put("bitrate", 2_500_000);
                video.put("frameRate", 30.0);
                video.put("fourCC", "avc1");
                video.put("audioChannels", 2);
                video.put("audioFormat", "AAC");
            }
            case "audio" -> {
                ObjectNode audio = node.putObject("audio");
                if (media.durationMillis() != null) {
                    audio.put("duration", media.durationMillis());
                }
                audio.put("bitrate", 128);
                audio.put("hasDrm", false);
                audio.put("isVariableBitrate", false);
            }
            case "photo" -> {
                ObjectNode photo = node.putObject("photo");
                Json.putDate(photo, "takenDateTime", media.takenDateTime());
                if (media.cameraMake() != null) {
                    photo.put("cameraMake", media.cameraMake());
                }
                ObjectNode image = node.putObject("image");
                image.put("width", media.width() == null ? 4032 : media.width());
                image.put("height", media.height() == null ? 3024 : media.height());
            }
            case "image" -> {
                ObjectNode image = node.putObject("image");
                image.put("width", media.width() == null ? 1920 : media.width());
                image.put("height", media.height() == null ? 1080 : media.height());
            }
            default -> {
            }
        }
    }

    private void identity(ObjectNode node, String field, String userId) {
        if (userId == null) {
            return;
        }
        User user = tenant.user(userId);
        if (user == null) {
            return;
        }
        ObjectNode u = node.putObject(field).putObject("user");
        u.put("id", user.id());
        u.put("displayName", user.displayName());
        u.put("email", user.mail());
    }

    private long folderSize(Drive drive, Item folder) {
        long total = 0;
        for (Item child : drive.children(folder.id)) {
            if (!child.deleted) {
                total += child.folder ? 0 : child.size;
            }
        }
        return total;
    }
}
