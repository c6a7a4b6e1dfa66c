package org.ward.connector.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/** Live figures of the running scan, for the progress line. */
@Component
public class ScanProgress {

    private volatile String phase = "starting";
    private volatile Instant started = Instant.now();
    private volatile Instant inventoryStarted;
    private final AtomicInteger drivesTotal = new AtomicInteger();
    private final AtomicInteger drivesDone = new AtomicInteger();
    private final AtomicLong items = new AtomicLong();
    private final AtomicInteger resyncs = new AtomicInteger();

    /**
     * A moment's view of the scan.
     *
     * @param phase what it is doing
     * @param drivesDone drives inventoried
     * @param drivesTotal drives to inventory
     * @param items items stored so far
     * @param itemsPerSecond inventory throughput
     * @param elapsed time since the scan started
     * @param eta estimated time left of the inventory, null when unknown
     * @param resyncs drives whose cursor Graph refused (410) and that were enumerated again
     */
    public record Snapshot(String phase, int drivesDone, int drivesTotal, long items, double itemsPerSecond, Duration elapsed,
            Duration eta, int resyncs) {
    }

    void start() {
        started = Instant.now();
        phase = "discovering sites, teams and OneDrives";
        drivesTotal.set(0);
        drivesDone.set(0);
        items.set(0);
        resyncs.set(0);
        inventoryStarted = null;
    }

    void phase(String value) {
        phase = value;
    }

    void inventory(int drives, int alreadyDone) {
        drivesTotal.set(drives);
        drivesDone.set(alreadyDone);
        inventoryStarted = Instant.now();
        phase = "inventory";
    }

    void driveDone() {
        drivesDone.incrementAndGet();
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
        if (inventoryStarted != null && done > 0 && done < total) {
            eta = Duration.ofMillis((long) (seconds * 1000 * (total - done) / done));
        }
        return new Snapshot(phase, done, total, items.get(), rate, elapsed, eta, resyncs.get());
    }
}
