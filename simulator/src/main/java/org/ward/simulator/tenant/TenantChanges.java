package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every change to the tenant goes through here, under the write lock, whether it comes from a Graph write
 * (createLink, delete permission, set retention label) or from a test (add, rename, move, delete a file; share
 * it; add a guest). Each change to an item moves it to the end of its drive's journal, so the next delta of
 * that drive reports it.
 */
public final class TenantChanges {

    /** Hears every change the journal records, as it is made (under the write lock: do not block). */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param drive the drive that changed
         * @param item the item that changed
         * @param sharing true when the change was to the item's permissions rather than its content or metadata
         */
        void changed(Drive drive, Item item, boolean sharing);
    }

    private final Tenant tenant;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public TenantChanges(Tenant tenant) {
        this.tenant = tenant;
    }

    public Tenant tenant() {
        return tenant;
    }

    /** Change notifications listen here, so a change made through Graph or through this API both notify. */
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    private void announce(Drive drive, Item item, boolean sharing) {
        for (Listener listener : listeners) {
            listener.changed(drive, item, sharing);
        }
    }

    private Drive drive(String driveId) {
        Drive drive = tenant.drive(driveId);
        if (drive == null) {
            throw new IllegalArgumentException("No drive " + driveId);
        }
        return drive;
    }

    private Item item(Drive drive, String itemId) {
        Item item = drive.item(itemId);
        if (item == null) {
            throw new IllegalArgumentException("No item " + itemId + " in drive " + drive.id);
        }
        return item;
    }

    // ---- drives and folders ----

    public Drive createDrive(String siteId, String name, String driveType, String ownerUserId, String ownerGroupId,
            Instant created, String webUrl) {
        return tenant.write(() -> {
            String driveId = tenant.ids.driveId(siteId + "|" + name);
            String rootId = tenant.ids.itemId(driveId + "|root");
            Drive drive = new Drive(driveId, name, null, driveType, siteId, ownerUserId, ownerGroupId, created, webUrl, rootId);
            Item root = new Item(rootId, driveId, true, "root", null, created, ownerUserId);
            drive.add(root, tenant.now());
            tenant.addDrive(drive);
            return drive;
        });
    }

    public Item addFolder(String driveId, String parentId, String name, String createdById, Instant created) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item parent = item(drive, parentId);
            Item existing = childNamed(drive, parent.id, name);
            if (existing != null) {
                return existing;
            }
            Item folder = new Item(tenant.ids.itemId(driveId + "|" + parent.id + "/" + name + "|" + drive.seq()), driveId,
                    true, name, parent.id, created == null ? tenant.now() : created, createdById);
            drive.add(folder, tenant.now());
            announce(drive, folder, false);
            return folder;
        });
    }

    /** Finds or creates the folders of a path such as "/Recordings/2026" and returns the last one. */
    public Item folderAt(String driveId, String path, String createdById) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item current = drive.root();
            for (String part : path.split("/")) {
                if (!part.isEmpty()) {
                    current = addFolder(driveId, current.id, part, createdById, null);
                }
            }
            return current;
        });
    }

    public Item addFile(String driveId, String parentId, NewFile spec) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item parent = item(drive, parentId);
            Instant created = spec.createdDateTime() == null ? tenant.now() : spec.createdDateTime();
            Item file = new Item(tenant.ids.itemId(driveId + "|" + parent.id + "/" + spec.name() + "|" + drive.seq()),
                    driveId, false, spec.name(), parent.id, created, spec.createdById());
            file.mimeType = spec.mimeType() == null ? MimeTypes.forName(spec.name()) : spec.mimeType();
            file.size = spec.size();
            String key = spec.contentKey() == null ? file.id : spec.contentKey();
            file.quickXorHash = Ids.contentHash(key);
            file.sha1Hash = Ids.sha1Hex(key);
            file.media = spec.media();
            file.columns = spec.columns() == null ? Map.of() : Map.copyOf(spec.columns());
            drive.add(file, tenant.now());
            announce(drive, file, false);
            return file;
        });
    }

    public Item addFileAt(String driveId, String folderPath, NewFile spec) {
        return tenant.write(() -> addFile(driveId, folderAt(driveId, folderPath, spec.createdById()).id, spec));
    }

    public void rename(String driveId, String itemId, String newName) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            item.name = newName;
            touch(drive, item, null);
        });
    }

    public void move(String driveId, String itemId, String newParentId) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            Item parent = item(drive, newParentId);
            if (!parent.folder) {
                throw new IllegalArgumentException("Cannot move into a file");
            }
            drive.reparent(item, parent.id);
            touch(drive, item, null);
        });
    }

    /** Deletes a file or a folder with everything below it; delta reports each as deleted. */
    public void delete(String driveId, String itemId) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            if (item.id.equals(drive.rootId)) {
                throw new IllegalArgumentException("The root cannot be deleted");
            }
            List<Item> gone = new ArrayList<>(drive.descendants(item));
            gone.add(item);
            for (Item each : gone) {
                each.deleted = true;
                drive.record(each, tenant.now());
            }
            drive.unlink(item);
            announce(drive, item, false);
        });
    }

    public void updateContent(String driveId, String itemId, String contentKey, long size) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            item.quickXorHash = Ids.contentHash(contentKey);
            item.sha1Hash = Ids.sha1Hex(contentKey);
            item.size = size;
            touch(drive, item, null);
        });
    }

    private void touch(Drive drive, Item item, String byUserId) {
        item.lastModifiedDateTime = tenant.now();
        if (byUserId != null) {
            item.lastModifiedById = byUserId;
        }
        item.version++;
        drive.record(item, tenant.now());
        announce(drive, item, false);
    }

    private void sharingChanged(Drive drive, Item item) {
        item.version++;
        drive.recordSharing(item, tenant.now());
        announce(drive, item, true);
    }

    private static Item childNamed(Drive drive, String parentId, String name) {
        for (Item child : drive.children(parentId)) {
            if (!child.deleted && child.name.equalsIgnoreCase(name)) {
                return child;
            }
        }
        return null;
    }

    // ---- sharing ----

    /**
     * Creates a sharing link. Like Graph, asking again for a link of the same type and scope returns the existing
     * link rather than a new one.
     */
    public SharingPermission createLink(String driveId, String itemId, String type, String scope, Instant expiration,
            boolean password, List<String> recipientIds) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            for (SharingPermission p : item.permissions) {
                if (p.kind() == SharingPermission.Kind.LINK && p.link().type().equals(type) && p.link().scope().equals(scope)
                        && scope.equals("users") == false && Objects.equals(p.expirationDateTime(), expiration)) {
                    return p;
                }
            }
            String id = tenant.ids.permissionId(driveId + "|" + itemId + "|link|" + type + "|" + scope + "|" + drive.seq());
            String code = id.substring(0, 22);
            String webUrl = "https://" + tenant.sharePointHost + "/:" + (item.folder ? "f" : "u") + ":/g/" + code;
            SharingPermission link = new SharingPermission(id, List.of("edit".equals(type) ? "write" : "read"),
                    SharingPermission.Kind.LINK, new SharingPermission.Link(type, scope, webUrl, false), null, null,
                    recipientIds == null ? List.of() : List.copyOf(recipientIds), expiration, password, null, tenant.now());
            item.permissions.add(link);
            item.uniquePermissions = true;
            sharingChanged(drive, item);
            return link;
        });
    }

    /** Grants a user or group (by id), or a site-wide claim, direct access to an item. */
    public SharingPermission grant(String driveId, String itemId, SharingPermission.Kind kind, String principalId,
            String principalName, List<String> roles, Instant expiration) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            String id = tenant.ids.permissionId(driveId + "|" + itemId + "|" + kind + "|" + principalId + "|" + drive.seq());
            SharingPermission grant = new SharingPermission(id, List.copyOf(roles), kind, null, principalId, principalName,
                    List.of(), expiration, false, null, tenant.now());
            item.permissions.add(grant);
            item.uniquePermissions = true;
            sharingChanged(drive, item);
            return grant;
        });
    }

    /** Grants "Everyone except external users" on an item. */
    public SharingPermission grantEveryoneExceptExternalUsers(String driveId, String itemId, String role) {
        return grant(driveId, itemId, SharingPermission.Kind.SITE_USER,
                "c:0-.f|rolemanager|spo-grid-all-users/" + tenant.id, "Everyone except external users", List.of(role), null);
    }

    /**
     * Removes a permission set on the item itself; returns false when the item has no such permission. The item keeps
     * its unique permissions (SharePoint does not restore inheritance when the last link goes), so delta with
     * hierarchical sharing gives it an empty {@code shared} facet.
     */
    public boolean removePermission(String driveId, String itemId, String permissionId) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            boolean removed = item.permissions.removeIf(p -> p.id().equals(permissionId));
            if (removed) {
                sharingChanged(drive, item);
            }
            return removed;
        });
    }

    public SharingPermission updateRoles(String driveId, String itemId, String permissionId, List<String> roles) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            for (int i = 0; i < item.permissions.size(); i++) {
                SharingPermission p = item.permissions.get(i);
                if (p.id().equals(permissionId)) {
                    SharingPermission updated = p.withRoles(roles);
                    item.permissions.set(i, updated);
                    sharingChanged(drive, item);
                    return updated;
                }
            }
            return null;
        });
    }

    /** Stops inheriting: SharePoint copies what applied into the item's own unique permissions. */
    public void breakInheritance(String driveId, String itemId) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            if (!item.inheritsPermissions) {
                return;
            }
            List<SharingPermission> inherited = new ArrayList<>();
            for (EffectivePermissions.Effective e : EffectivePermissions.of(tenant, drive, item)) {
                if (e.inheritedFrom() != null) {
                    inherited.add(e.permission());
                }
            }
            item.permissions.addAll(0, inherited);
            item.inheritsPermissions = false;
            item.uniquePermissions = true;
            sharingChanged(drive, item);
        });
    }

    /**
     * Deletes the item's unique permissions (SharePoint's "Delete unique permissions", ResetRoleInheritance): its own
     * links and grants go and it inherits from its folder again. Delta reports it as a sharing change, without a
     * {@code shared} facet under hierarchical sharing.
     */
    public void restoreInheritance(String driveId, String itemId) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            if (!item.uniquePermissions && item.inheritsPermissions && item.permissions.isEmpty()) {
                return;
            }
            item.permissions.clear();
            item.inheritsPermissions = true;
            item.uniquePermissions = false;
            sharingChanged(drive, item);
        });
    }

    // ---- metadata columns ----

    /**
     * Sets a file's metadata columns (by name; a null or empty value clears one), as an edit of its properties would:
     * a new version that drive delta and list-item delta both report.
     */
    public void setColumns(String driveId, String itemId, Map<String, String> columns) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            item.columns = merged(item.columns, columns);
            touch(drive, item, null);
        });
    }

    /**
     * Sets metadata columns the way SharePoint's {@code SystemUpdate} does (a process or policy writing fields without a
     * new version, without changing Modified or Modified By). Microsoft documents neither feed's behaviour for such a
     * change; the simulator takes the harder case for a client: list-item delta reports it, drive delta does not.
     */
    public void updateFieldsWithoutNewVersion(String driveId, String itemId, Map<String, String> columns) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            item.columns = merged(item.columns, columns);
            drive.recordListOnly(item);
            announce(drive, item, false);
        });
    }

    private static Map<String, String> merged(Map<String, String> current, Map<String, String> changes) {
        Map<String, String> next = new java.util.LinkedHashMap<>(current);
        changes.forEach((name, value) -> {
            if (value == null || value.isEmpty()) {
                next.remove(name);
            } else {
                next.put(name, value);
            }
        });
        return Map.copyOf(next);
    }

    // ---- labels ----

    /** Applies a retention label by name; returns true when the item had no label before (Graph answers 201). */
    public boolean setRetentionLabel(String driveId, String itemId, String name, String byId, String behaviour) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            boolean first = item.retentionLabel == null;
            item.retentionLabel = new Item.RetentionLabel(name, tenant.now(), byId, behaviour);
            touch(drive, item, null);
            return first;
        });
    }

    /**
     * Applies a retention label as given (behaviour, lock, explicit or from the folder); returns true when the item
     * had no label before.
     */
    public boolean setRetentionLabel(String driveId, String itemId, Item.RetentionLabel label) {
        return tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            boolean first = item.retentionLabel == null;
            item.retentionLabel = label;
            touch(drive, item, null);
            return first;
        });
    }

    /** Locks or unlocks the record an item's retention label makes it. */
    public void lockRecord(String driveId, String itemId, boolean locked) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            Item.RetentionLabel label = item.retentionLabel;
            if (label == null || !label.record()) {
                throw new IllegalArgumentException("Item " + itemId + " is not a record");
            }
            item.retentionLabel = new Item.RetentionLabel(label.name(), label.appliedDateTime(), label.appliedById(),
                    label.behaviour(), locked, label.explicit());
            touch(drive, item, null);
        });
    }

    public void removeRetentionLabel(String driveId, String itemId) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            item.retentionLabel = null;
            touch(drive, item, null);
        });
    }

    public void setSensitivityLabel(String driveId, String itemId, String labelId) {
        setSensitivityLabel(driveId, itemId, labelId, "standard");
    }

    /**
     * Puts a sensitivity label on a file (null removes it), as applied by the given method: {@code standard},
     * {@code privileged} (a person chose it) or {@code auto} (a policy did).
     */
    public void setSensitivityLabel(String driveId, String itemId, String labelId, String assignmentMethod) {
        tenant.write(() -> {
            Drive drive = drive(driveId);
            Item item = item(drive, itemId);
            item.sensitivityLabelId = labelId;
            item.sensitivityLabelAssignmentMethod = assignmentMethod;
            touch(drive, item, null);
        });
    }

    // ---- directory ----

    /** Invites a guest through Entra B2B: a Guest user whose UPN carries #EXT#. */
    public User addGuest(String email, String displayName) {
        return tenant.write(() -> {
            User existing = tenant.users().stream().filter(u -> email.equalsIgnoreCase(u.mail())).findFirst().orElse(null);
            if (existing != null) {
                return existing;
            }
            String upn = email.replace('@', '_') + "#EXT#@" + tenant.initialDomain;
            String[] names = displayName.split(" ", 2);
            User guest = new User(tenant.ids.guid("user", email.toLowerCase(Locale.ROOT)), upn, displayName, names[0],
                    names.length > 1 ? names[1] : null, email, null, null, "Guest", true, tenant.now(), null);
            tenant.putUser(guest);
            return guest;
        });
    }

    public void addUser(User user) {
        tenant.write(() -> tenant.putUser(user));
    }

    /** Makes every delta token of the drive invalid: the next delta call gets 410 and must resync. */
    public void invalidateDeltaTokens(String driveId) {
        tenant.write(() -> drive(driveId).newEpoch());
    }

    /** Makes every list-item delta token of the drive's library invalid, leaving drive delta tokens valid. */
    public void invalidateListItemDeltaTokens(String driveId) {
        tenant.write(() -> drive(driveId).newListEpoch());
    }
}
