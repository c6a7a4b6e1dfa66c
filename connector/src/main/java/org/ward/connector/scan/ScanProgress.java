package org.ward.connector.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.ward.connector.runs.StageProgress;

/**
 * Live figures of the running scan, for the progress line: the inventory's drives and items here, and whatever stage
 * runs now (discovery, evaluation, labels, sharing, copies, identity) in {@link StageProgress}.
 */
@Component
public class ScanProgress {

    private final StageProgress stage;
    private volatile Instant started = Instant.now();
    private volatile Instant inventoryStarted;
    private final AtomicInteger drivesTotal = new AtomicInteger();
    private final AtomicInteger drivesDone = new AtomicInteger();
    private final AtomicLong items = new AtomicLong();
    private final AtomicInteger resyncs = new AtomicInteger();

    public ScanProgress(StageProgress stage) {
        this.stage = stage;
    }

    /**
     * A moment's view of the scan.
     *
     * @param phase what it is doing
     * @param stage the current stage's own figures (what it counts, how far, its ETA)
     * @param drivesDone drives inventoried
     * @param drivesTotal drives to inventory
     * @param items items stored so far
     * @param itemsPerSecond inventory throughput
     * @param elapsed time since the scan started
     * @param eta estimated time left of the inventory (or of the current stage after it), null when unknown
     * @param resyncs drives whose cursor Graph refused (410) and that were enumerated again
     */
    public record Snapshot(String phase, StageProgress.Snapshot stage, int drivesDone, int drivesTotal, long items,
            double itemsPerSecond, Duration elapsed, Duration eta, int resyncs) {
    }

    void start() {
        started = Instant.now();
        stage.phase("discovering sites, teams and OneDrives");
        drivesTotal.set(0);
        drivesDone.set(0);
        items.set(0);
        resyncs.set(0);
        inventoryStarted = null;
    }

    /** The current stage's own figures. */
    StageProgress stage() {
        return stage;
    }

    void phase(String value) {
        stage.phase(value);
    }

    void inventory(int drives, int alreadyDone) {
        drivesTotal.set(drives);
        drivesDone.set(alreadyDone);
        inventoryStarted = Instant.now();
        stage.begin("inventory", "drives", drives);
        stage.advance(alreadyDone);
    }

    void driveDone() {
        drivesDone.incrementAndGet();
        stage.advance(1);
    }

    void itemsStored(int count) {
        items.addAndGet(count);
    }

    void resync(String driveId) {
        resyncs.incrementAndGet();
    }

    public Snapshot snapshot() {
        Instant now = Instant.now();
        Duration elapsed = Duration.between(started, now);
        double seconds = inventoryStarted == null ? 0 : Math.max(0.001, Duration.between(inventoryStarted, now).toMillis() / 1000.0);
        double rate = seconds == 0 ? 0 : items.get() / seconds;
        Duration eta = null;
        int done = drivesDone.get();
        int total = drivesTotal.get();
        StageProgress.Snapshot current = stage.snapshot();
        boolean inventory = "inventory".equals(current.phase());
        if (inventory && inventoryStarted != null && done > 0 && done < total) {
            eta = Duration.ofMillis((long) (seconds * 1000 * (total - done) / done));
        } else if (!inventory) {
            eta = current.eta();
        }
        return new Snapshot(current.phase(), current, done, total, items.get(), rate, elapsed, eta, resyncs.get());
    }
}
