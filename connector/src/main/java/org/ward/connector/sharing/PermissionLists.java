package org.ward.connector.sharing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.sharing.collect.PermissionReader;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.sharing.AccessGrant;
import org.ward.rules.sharing.Membership;

/**
 * Decides which permission lists a scan reads, and reads them, twenty to a {@code $batch} (5 resource units each,
 * alone or batched).
 *
 * <p>With Sites.FullControl.All, delta marks the roots of permission hierarchies ({@code Prefer: hierarchicalsharing})
 * and Ward reads each library's root and each root — once, then again only when it may have changed: delta annotated
 * a sharing change, its facet's scope changed, it is a folder that came back (Graph annotates only files), it moved,
 * a root appeared or went between it and the library's root, or the list of the root above it changed when read
 * again (a nested root's list includes what it inherits, and without {@code inheritedFrom}, which SharePoint does not
 * return, Ward cannot tell whether it does). The periodic sweep reads them all. Without Sites.FullControl.All delta
 * cannot say where permissions start, and Ward reads every recording's own list on every scan.
 */
@Component
public class PermissionLists {

    /** Batches handed to the Graph threads at a time, so a large tenant's reads are never all in memory at once. */
    private static final int BATCHES_AT_ONCE = 100;

    private final AccessStore access;
    private final ItemStore items;
    private final PermissionReader reader;
    private final ParallelCalls parallel;

    public PermissionLists(AccessStore access, ItemStore items, PermissionReader reader, ParallelCalls parallel) {
        this.access = access;
        this.items = items;
        this.reader = reader;
        this.parallel = parallel;
    }

    /** One list to read: whose it is and where it stands now. */
    private record Planned(ItemKey key, String subject, String parentId, String aboveId) {
    }

    /**
     * How this scan reads lists: the organisation's own domains (a first guess at guests), who is a guest as Graph says
     * today (every grant stored is judged by it), where to put the items whose answer could not be read, and the stage's
     * progress.
     */
    public record Reading(List<String> tenantDomains, Membership membership, Map<ItemKey, String> unreadable,
            org.ward.connector.runs.StageProgress progress) {
    }

    /**
     * Reads the libraries' roots and the permission roots that may have changed, then the nested roots whose
     * inherited part changed, until nothing more changed.
     *
     * @param driveIds the drives this scan saw
     * @param sweep read every list, changed or not
     * @return how many permission lists were read
     */
    public long readHierarchy(long scanId, List<String> driveIds, boolean sweep, Reading reading) {
        access.forgetDrivesBut(new HashSet<>(driveIds));
        return readHierarchyOf(scanId, driveIds, sweep, reading, true);
    }

    /**
     * What ward serve's refresh of one place reads: the lists of its drives that may have changed (the roots its
     * drives' delta round just marked, and the libraries' roots), or without the hierarchy every recording's own list;
     * the lists of other drives are left as they are. Its run lasts a day and spans many refreshes, so a list read
     * earlier in the run is read again when it may have changed since.
     *
     * @return how many permission lists were read
     */
    public long readPlace(long runId, Collection<String> driveIds, boolean hierarchy, Reading reading) {
        return hierarchy ? readHierarchyOf(runId, driveIds, false, reading, false)
                : readEveryRecordingIn(driveIds, runId, reading, false);
    }

    /**
     * @param oncePerScan a list this scan already read is not read again (a restarted step resumes); false for ward
     *     serve's run, which spans many refreshes
     */
    private long readHierarchyOf(long scanId, Collection<String> driveIds, boolean sweep, Reading reading,
            boolean oncePerScan) {
        Set<ItemKey> readNow = new HashSet<>();
        List<Planned> plan = new ArrayList<>();
        for (String driveId : driveIds) {
            plan.addAll(plan(driveId, scanId, sweep, null, oncePerScan, readNow));
        }
        long reads = 0;
        reading.progress().begin("reading who can reach recordings", "permission lists", plan.size());
        while (!plan.isEmpty()) {
            Set<ItemKey> changed = ConcurrentHashMap.newKeySet();
            read(plan, scanId, reading, changed);
            if (!oncePerScan) {
                plan.forEach(p -> readNow.add(p.key()));
            }
            reads += plan.size();
            Map<String, Set<String>> byDrive = new HashMap<>();
            changed.forEach(key -> byDrive.computeIfAbsent(key.driveId(), d -> new HashSet<>()).add(key.itemId()));
            plan = new ArrayList<>();
            for (Map.Entry<String, Set<String>> drive : byDrive.entrySet()) {
                plan.addAll(plan(drive.getKey(), scanId, false, drive.getValue(), oncePerScan, readNow));
            }
        }
        return reads;
    }

    /**
     * The lists of one drive to read, after forgetting roots Ward no longer holds and lists that are no longer a
     * root's.
     *
     * @param changedAbove null for the scan's first round; else the roots whose lists just changed, and only the
     *     roots below them not yet read by this scan are planned
     * @param oncePerScan skip lists whose stored read is this scan's
     * @param readNow without oncePerScan, the lists this call has read so far, never read twice (a scan's are told
     *     by their stored read, so a large tenant's are not held in memory)
     */
    private List<Planned> plan(String driveId, long scanId, boolean sweep, Set<String> changedAbove, boolean oncePerScan,
            Set<ItemKey> readNow) {
        Map<String, AccessStore.RootMark> roots = access.roots(driveId);
        Map<String, AccessStore.ListState> states = access.states(driveId);
        Map<String, String> folders = items.folderParents(driveId);
        Map<String, String> fileParents = items.parentsOf(driveId, roots.values().stream().filter(r -> !r.folder())
                .map(AccessStore.RootMark::itemId).toList());
        List<String> gone = roots.keySet().stream().filter(id -> !folders.containsKey(id) && !fileParents.containsKey(id))
                .toList();
        if (!gone.isEmpty()) {
            access.forgetRoots(driveId, gone);
            gone.forEach(roots::remove);
        }
        List<String> stale = states.keySet().stream().filter(id -> !AccessGrant.ROOT.equals(id) && !roots.containsKey(id))
                .toList();
        if (!stale.isEmpty()) {
            access.forgetLists(driveId, stale);
            stale.forEach(states::remove);
        }
        Set<String> subjects = new HashSet<>(roots.keySet());
        subjects.add(AccessGrant.ROOT);
        AccessTree tree = new AccessTree(folders, subjects);
        List<Planned> planned = new ArrayList<>();
        for (String id : subjects) {
            boolean library = id.equals(AccessGrant.ROOT);
            AccessStore.RootMark root = roots.get(id);
            String parent = library ? null : root.folder() ? folders.get(id) : fileParents.get(id);
            String above = library ? null : tree.above(parent);
            AccessStore.ListState state = states.get(id);
            String subject = library ? AccessStore.DRIVE : AccessStore.ROOT;
            boolean read;
            if (oncePerScan ? state != null && state.readScan() == scanId : readNow.contains(new ItemKey(driveId, id))) {
                read = false;
            } else if (changedAbove != null) {
                read = above != null && changedAbove.contains(above);
            } else {
                read = sweep || state == null || state.needsRead() || !subject.equals(state.subject())
                        || !library && root.changed() || !Objects.equals(state.parentId(), parent)
                        || !Objects.equals(state.aboveId(), above);
            }
            if (read) {
                planned.add(new Planned(new ItemKey(driveId, id), subject, parent, above));
            }
        }
        return planned;
    }

    private void read(List<Planned> plan, long scanId, Reading reading, Set<ItemKey> changed) {
        List<List<Planned>> batches = new ArrayList<>();
        for (int i = 0; i < plan.size(); i += 20) {
            batches.add(plan.subList(i, Math.min(plan.size(), i + 20)));
        }
        for (int i = 0; i < batches.size(); i += BATCHES_AT_ONCE) {
            parallel.forEach(batches.subList(i, Math.min(batches.size(), i + BATCHES_AT_ONCE)), batch -> {
                PermissionReader.Read read = reader.read(batch.stream().map(Planned::key).toList(), reading.tenantDomains());
                for (Planned p : batch) {
                    List<AccessGrant> grants = read.grants().get(p.key());
                    if (grants == null) {
                        access.unreadable(p.key());
                        reading.unreadable().put(p.key(), read.unreadable().getOrDefault(p.key(), "no answer"));
                    } else if (access.replace(p.key(), reading.membership().judge(grants), scanId, p.subject(), p.parentId(),
                            p.aboveId())) {
                        changed.add(p.key());
                    }
                }
                reading.progress().advance(batch.size());
            });
        }
    }

    /**
     * Reads every recording's own permission list (no hierarchy known), drive by drive, and forgets lists that are
     * not a recording's.
     *
     * @return how many permission lists were read
     */
    public long readEveryRecording(long scanId, Reading reading) {
        List<String> drives = items.drivesWithRecordings();
        access.forgetDrivesBut(new HashSet<>(drives));
        reading.progress().begin("reading who can reach recordings", "recordings", items.countRecordings());
        return readEveryRecordingIn(drives, scanId, reading, true);
    }

    /** The same for some drives; a drive without recordings keeps no list. */
    private long readEveryRecordingIn(Collection<String> drives, long scanId, Reading reading, boolean oncePerScan) {
        AtomicLong reads = new AtomicLong();
        List<ItemKey> pending = new ArrayList<>();
        for (String driveId : drives) {
            List<String> recordings = items.recordingIds(driveId);
            Set<String> wanted = new HashSet<>(recordings);
            Map<String, AccessStore.ListState> states = access.states(driveId);
            List<String> stale = states.entrySet().stream().filter(e -> !wanted.contains(e.getKey())
                    || !AccessStore.ITEM.equals(e.getValue().subject())).map(Map.Entry::getKey).toList();
            if (!stale.isEmpty()) {
                access.forgetLists(driveId, stale);
                stale.forEach(states::remove);
            }
            for (String id : recordings) {
                AccessStore.ListState state = states.get(id);
                if (state == null || !oncePerScan || state.readScan() < scanId) {
                    pending.add(new ItemKey(driveId, id));
                }
            }
            if (pending.size() >= 20 * BATCHES_AT_ONCE) {
                readItems(pending, scanId, reading, reads);
                pending = new ArrayList<>();
            }
        }
        readItems(pending, scanId, reading, reads);
        return reads.get();
    }

    private void readItems(List<ItemKey> keys, long scanId, Reading reading, AtomicLong reads) {
        List<List<ItemKey>> batches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 20) {
            batches.add(keys.subList(i, Math.min(keys.size(), i + 20)));
        }
        parallel.forEach(batches, batch -> {
            PermissionReader.Read read = reader.read(batch, reading.tenantDomains());
            read.grants().forEach((key, grants) -> access.replace(key, reading.membership().judge(grants), scanId));
            read.unreadable().forEach((key, why) -> {
                access.unreadable(key);
                reading.unreadable().put(key, why);
            });
            reads.addAndGet(batch.size());
            reading.progress().advance(batch.size());
        });
    }
}
