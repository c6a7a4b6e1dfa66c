package org.ward.simulator.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A drive (document library or OneDrive) with its items and its change journal. The journal orders items by
 * their latest change; delta reads it from a token's position. Tombstones of deleted items stay in the journal
 * so delta can report deletions.
 */
public final class Drive {

    public final String id;
    public final String name;
    public final String description;
    /** "documentLibrary" for SharePoint libraries, "business" for OneDrive for Business. */
    public final String driveType;
    public final String siteId;
    /** The OneDrive's user, null for libraries. */
    public final String ownerUserId;
    /** The group owning a group site's library, null otherwise. */
    public final String ownerGroupId;
    public final Instant createdDateTime;
    public final String webUrl;
    public final String rootId;

    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, List<Item>> children = new HashMap<>();
    private final NavigableMap<Long, Item> journal = new TreeMap<>();
    /** The library's list-item journal: changes to items themselves, not to their permissions. */
    private final NavigableMap<Long, Item> listJournal = new TreeMap<>();
    private long seq;
    private int lastListItemId;
    /** Tokens carry the epoch they were issued in; invalidating tokens starts a new epoch (410 resync). */
    private int epoch;
    /** The same for list-item delta tokens, which a library can stop honouring on their own. */
    private int listEpoch;

    public Drive(String id, String name, String description, String driveType, String siteId, String ownerUserId,
            String ownerGroupId, Instant createdDateTime, String webUrl, String rootId) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.driveType = driveType;
        this.siteId = siteId;
        this.ownerUserId = ownerUserId;
        this.ownerGroupId = ownerGroupId;
        this.createdDateTime = createdDateTime;
        this.webUrl = webUrl;
        this.rootId = rootId;
    }

    public Item item(String itemId) {
        Item item = items.get("root".equals(itemId) ? rootId : itemId);
        return item == null || item.deleted ? null : item;
    }

    /** Including tombstones. */
    Item anyItem(String itemId) {
        return items.get(itemId);
    }

    public Item root() {
        return items.get(rootId);
    }

    public List<Item> children(String parentId) {
        List<Item> list = children.get(parentId);
        return list == null ? List.of() : List.copyOf(list);
    }

    public Collection<Item> allItems() {
        return items.values();
    }

    public int liveItemCount() {
        int n = 0;
        for (Item item : items.values()) {
            if (!item.deleted) {
                n++;
            }
        }
        return n;
    }

    public long seq() {
        return seq;
    }

    public int epoch() {
        return epoch;
    }

    void newEpoch() {
        epoch++;
        listEpoch++;
    }

    public int listEpoch() {
        return listEpoch;
    }

    void newListEpoch() {
        listEpoch++;
    }

    /** Changes after {@code afterSeq} up to and including {@code upToSeq}, in journal order. */
    public NavigableMap<Long, Item> journal(long afterSeq, long upToSeq) {
        return journal.subMap(afterSeq, false, upToSeq, true);
    }

    /** List-item changes after {@code afterSeq} up to and including {@code upToSeq}, in journal order. */
    public NavigableMap<Long, Item> listJournal(long afterSeq, long upToSeq) {
        return listJournal.subMap(afterSeq, false, upToSeq, true);
    }

    /** The first journal position whose change happened at or after {@code time}, minus one (for timestamp tokens). */
    public long seqBefore(Instant time) {
        long result = 0;
        for (Map.Entry<Long, Item> e : journal.entrySet()) {
            if (e.getValue().changedAt != null && !e.getValue().changedAt.isBefore(time)) {
                return result;
            }
            result = e.getKey();
        }
        return result;
    }

    void add(Item item, Instant now) {
        items.put(item.id, item);
        if (!item.id.equals(rootId)) {
            item.listItemId = ++lastListItemId;
        }
        if (item.parentId != null) {
            children.computeIfAbsent(item.parentId, k -> new ArrayList<>()).add(item);
        }
        record(item, now);
    }

    /**
     * Moves the item to the end of both journals: the next drive delta and the next list-item delta report it in its
     * latest state.
     */
    void record(Item item, Instant now) {
        recordInDrive(item, now);
        recordInList(item);
    }

    /** A change to the item's sharing: drive delta reports it (with the sharing headers), list-item delta does not. */
    void recordSharing(Item item, Instant now) {
        recordInDrive(item, now);
        item.sharingSeq = item.changeSeq;
    }

    /**
     * A change list-item delta reports and drive delta does not (see
     * {@link TenantChanges#updateFieldsWithoutNewVersion}).
     */
    void recordListOnly(Item item) {
        if (item.id.equals(rootId)) {
            return;
        }
        if (item.listSeq != 0) {
            listJournal.remove(item.listSeq);
        }
        item.listSeq = ++seq;
        listJournal.put(item.listSeq, item);
    }

    private void recordInDrive(Item item, Instant now) {
        if (item.changeSeq != 0) {
            journal.remove(item.changeSeq);
        }
        item.changeSeq = ++seq;
        item.changedAt = now;
        journal.put(item.changeSeq, item);
    }

    private void recordInList(Item item) {
        if (item.id.equals(rootId)) {
            return;
        }
        if (item.listSeq != 0) {
            listJournal.remove(item.listSeq);
        }
        item.listSeq = item.changeSeq;
        listJournal.put(item.listSeq, item);
    }

    void reparent(Item item, String newParentId) {
        List<Item> old = children.get(item.parentId);
        if (old != null) {
            old.remove(item);
        }
        item.parentId = newParentId;
        children.computeIfAbsent(newParentId, k -> new ArrayList<>()).add(item);
    }

    void unlink(Item item) {
        List<Item> old = children.get(item.parentId);
        if (old != null) {
            old.remove(item);
        }
    }

    /** The path of the item's parent folder as Graph writes parentReference.path: "/drive/root:/A/B". */
    public String parentPath(Item item) {
        List<String> names = new ArrayList<>();
        Item current = item.parentId == null ? null : items.get(item.parentId);
        while (current != null && !current.id.equals(rootId)) {
            names.add(0, current.name);
            current = current.parentId == null ? null : items.get(current.parentId);
        }
        return "/drive/root:" + (names.isEmpty() ? "" : "/" + String.join("/", names));
    }

    /** The item's address in the browser, as Graph's webUrl gives it: the library's URL and the encoded path. */
    public String webUrlOf(Item item) {
        if (item.id.equals(rootId)) {
            return webUrl;
        }
        String path = parentPath(item).substring("/drive/root:".length()) + "/" + item.name;
        StringBuilder url = new StringBuilder(webUrl);
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                url.append('/').append(java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return url.toString();
    }

    /** Ancestors from the parent up to the root. */
    public List<Item> ancestors(Item item) {
        List<Item> result = new ArrayList<>();
        Item current = item.parentId == null ? null : items.get(item.parentId);
        while (current != null) {
            result.add(current);
            current = current.parentId == null ? null : items.get(current.parentId);
        }
        return result;
    }

    /** Every live item below the given folder, depth first. */
    public List<Item> descendants(Item folder) {
        List<Item> result = new ArrayList<>();
        List<Item> stack = new ArrayList<>(children(folder.id));
        while (!stack.isEmpty()) {
            Item next = stack.remove(stack.size() - 1);
            if (next.deleted) {
                continue;
            }
            result.add(next);
            stack.addAll(children(next.id));
        }
        return result;
    }
}
