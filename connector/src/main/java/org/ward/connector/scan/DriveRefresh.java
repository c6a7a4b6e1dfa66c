package org.ward.connector.scan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.graph.GraphSettings;
import org.ward.connector.inventory.ContentCopies;
import org.ward.connector.inventory.DeltaEntry;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.Place;
import org.ward.connector.runs.PlaceStage;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.sharing.SharingMode;
import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.facts.Location;
import org.ward.rules.policy.PolicyPack;

/**
 * Brings one drive up to date between scans, the way the scan does it: the drive's delta from its committed cursor,
 * through the scan's own reader, classifying processor and writer ({@link DriveInventory}), chunk by chunk in
 * transactions; then the recording checks and every {@link PlaceStage} (sharing, copies) for the drive's location,
 * whose findings are reconciled for that location only. Before them, the drive's files are matched to recordings by
 * content hash as the scan's evaluate step does. The recording checks read nothing from Graph, so they run
 * while the stages read theirs (permission lists, group members); the stages then evaluate. ward serve calls it for
 * each drive a change notification names.
 *
 * <p>Findings and events are recorded under one standalone run a day ("CHANGES"), started again after each full
 * scan, rather than one register row per refresh.
 */
@Service
public class DriveRefresh implements DisposableBean {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DriveRefresh.class);

    /** What a refresh did. */
    public record Outcome(String driveId, boolean known, int itemsChanged, boolean evaluated, List<String> gaps) {
    }

    private final LocationStore locations;
    private final ScanRuns runs;
    private final DriveInventory inventory;
    private final RecordingEvaluation recordings;
    private final List<PlaceStage> stages;
    private final SharingMode sharing;
    private final TransactionTemplate transactions;
    private final GraphSettings graph;
    private final PolicyPack policy;
    private final Clock clock;
    private final ParallelCalls parallel;
    private final ContentCopies copies;

    private Long runId;
    private LocalDate runDay;
    private final Set<String> runGaps = new LinkedHashSet<>();

    public DriveRefresh(LocationStore locations, ScanRuns runs, DriveInventory inventory, ItemStore items,
            FindingStore findings, IdentifierFingerprint fingerprint, List<PlaceStage> stages, SharingMode sharing,
            PlatformTransactionManager tx, GraphSettings graph, PolicyPack policy, Clock wardClock, ParallelCalls parallel,
            ContentCopies copies) {
        this.parallel = parallel;
        this.copies = copies;
        this.locations = locations;
        this.runs = runs;
        this.inventory = inventory;
        this.recordings = new RecordingEvaluation(items, findings, policy, fingerprint);
        this.stages = stages.stream().sorted(Comparator.comparingInt(PlaceStage::order)).toList();
        this.sharing = sharing;
        this.transactions = new TransactionTemplate(tx);
        this.graph = graph;
        this.policy = policy;
        this.clock = wardClock;
    }

    /**
     * Refreshes the drive. A drive the latest discovery did not see is left to the next full scan (it reports
     * {@code known} false).
     */
    public Outcome refresh(String driveId) {
        Discovered latest = discovered();
        if (latest == null) {
            return new Outcome(driveId, false, 0, false, List.of());
        }
        Map<String, Location> sites = latest.sites();
        Map<String, DiscoveredDrive> drives = latest.drives();
        DiscoveredDrive drive = drives.get(driveId);
        Location location = drive == null ? null : sites.get(drive.siteId());
        if (location == null) {
            return new Outcome(driveId, false, 0, false, List.of());
        }
        long run = run();
        long started = System.nanoTime();
        int changed = inventory(drive, location, sites, run);
        long inventoried = System.nanoTime();
        // Without delta's sharing reports a permission change leaves delta empty, so the place is judged anyway.
        if (changed == 0 && sharing.deltaReportsSharingChanges()) {
            return new Outcome(driveId, true, 0, false, List.of());
        }
        // As the scan's evaluate step does before its checks: a file stored afresh is judged on its own until marked.
        copies.markDrive(driveId, policy, id -> {
            DiscoveredDrive holder = drives.get(id);
            Location held = holder == null ? null : sites.get(holder.siteId());
            return held == null ? "an unknown place" : held.displayName();
        });
        Map<String, DiscoveredDrive> placeDrives = new LinkedHashMap<>();
        drives.values().stream().filter(d -> d.siteId().equals(location.siteId()))
                .forEach(d -> placeDrives.put(d.driveId(), d));
        Place place = new Place(location, placeDrives, sites, drives, run, clock.instant());
        long[] times = new long[stages.size() + 4];
        // The recording checks need nothing from Graph: they run while the stages read (permission lists, groups).
        List<String> gaps = new ArrayList<>();
        List<PlaceStage.Evaluation> evaluations = new ArrayList<>();
        parallel.alongside(() -> gaps.addAll(transactions.execute(status -> {
            locations.lockForEvaluation(location.siteId());
            long locked = System.nanoTime();
            List<String> found = recordings.place(place);
            times[0] = System.nanoTime() - locked;
            return found;
        })), () -> {
            stages.forEach(stage -> evaluations.add(stage.read(place)));
            times[1] = System.nanoTime();
        });
        long read = System.nanoTime();
        gaps.addAll(transactions.execute(status -> {
            locations.lockForEvaluation(location.siteId());
            times[2] = System.nanoTime();
            List<String> found = new ArrayList<>();
            for (int i = 0; i < evaluations.size(); i++) {
                found.addAll(evaluations.get(i).evaluate());
                times[i + 4] = System.nanoTime();
            }
            return found;
        }));
        recordGaps(run, gaps);
        if (LOG.isDebugEnabled()) {
            StringBuilder stageTimes = new StringBuilder();
            for (int i = 0; i < stages.size(); i++) {
                stageTimes.append(", stage ").append(stages.get(i).order()).append(' ')
                        .append((times[i + 4] - (i == 0 ? times[2] : times[i + 3])) / 1_000_000).append(" ms");
            }
            LOG.debug("Refreshed drive {}: {} change(s); inventory {} ms, recordings {} ms beside the stages' reads {} ms,"
                    + " waiting for the location {} ms{}", driveId, changed, (inventoried - started) / 1_000_000,
                    times[0] / 1_000_000, (times[1] - inventoried) / 1_000_000, (times[2] - read) / 1_000_000, stageTimes);
        }
        return new Outcome(driveId, true, changed, true, gaps);
    }

    /** The latest discovery's locations and drives, read again only when a scan has discovered anew. */
    private record Discovered(long scanId, Map<String, Location> sites, Map<String, DiscoveredDrive> drives) {
    }

    private volatile Discovered discovered;

    private Discovered discovered() {
        OptionalLong latest = locations.latestDiscovery();
        if (latest.isEmpty()) {
            return null;
        }
        Discovered known = discovered;
        if (known == null || known.scanId() != latest.getAsLong()) {
            known = new Discovered(latest.getAsLong(), Map.copyOf(locations.locationsBySite(latest.getAsLong())),
                    Map.copyOf(locations.drivesById(latest.getAsLong())));
            discovered = known;
        }
        return known;
    }

    /** The scan's inventory path for one drive, chunk by chunk; returns how many items changed or went. */
    private int inventory(DiscoveredDrive drive, Location location, Map<String, Location> sites, long run) {
        ScanProgress progress = new ScanProgress(new org.ward.connector.runs.StageProgress());
        DriveDeltaReader reader = inventory.reader(drive.driveId(), progress);
        DriveItemProcessor processor = inventory.processor(drive.driveId(), drive.name(), location, sites.values());
        DriveItemWriter writer = inventory.writer(drive.driveId(), run, progress);
        reader.open(new ExecutionContext());
        int changed = 0;
        try {
            while (true) {
                List<InventoryChange> chunk = new ArrayList<>();
                DeltaEntry entry;
                while (chunk.size() < ScanJobConfiguration.CHUNK && (entry = reader.read()) != null) {
                    InventoryChange change = processor.process(entry);
                    if (change != null) {
                        chunk.add(change);
                    }
                }
                if (chunk.isEmpty()) {
                    return changed;
                }
                changed += (int) chunk.stream().filter(c -> !(c instanceof InventoryChange.Commit)).count();
                transactions.executeWithoutResult(status -> writer.write(new Chunk<>(chunk)));
            }
        } finally {
            reader.close();
        }
    }

    /**
     * Today's run of changes; a new one after midnight (UTC) or once a full scan has started since, so a finding's
     * last run never goes back before the latest scan.
     */
    private synchronized long run() {
        Instant now = clock.instant();
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        OptionalLong latestScan = runs.latestScan();
        boolean stale = runId == null || !today.equals(runDay)
                || latestScan.isPresent() && latestScan.getAsLong() > runId;
        if (stale) {
            finishRun(now);
            runId = runs.startStandalone(graph.tenantId(), policy.id(), policy.contentHash(), now);
            runDay = today;
        }
        return runId;
    }

    private synchronized void recordGaps(long run, List<String> gaps) {
        if (runId != null && runId == run && runGaps.addAll(gaps)) {
            runs.gaps(run, List.copyOf(runGaps));
        }
    }

    private synchronized void finishRun(Instant now) {
        if (runId != null) {
            runs.finishStandalone(runId, "CHANGES", List.copyOf(runGaps), now);
            runId = null;
            runGaps.clear();
        }
    }

    /** Closes today's run when the service stops. */
    @Override
    public void destroy() {
        try {
            finishRun(clock.instant());
        } catch (RuntimeException e) {
            // The database may already be gone; the run then stays open in the register, which says nothing wrong.
        }
    }
}
