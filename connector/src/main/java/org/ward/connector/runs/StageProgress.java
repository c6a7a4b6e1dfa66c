package org.ward.connector.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * What the running scan's current stage is doing, for the progress line: its own phase ("reading who can reach
 * recordings"), what it counts ("recordings 120/480") and when it should end. Each stage says when it begins and what
 * it has done; a stage that cannot know its total (the sign-in log) says how much of its window it has covered. The
 * inventory keeps its drive and item figures in the scan's own progress.
 */
@Component
public class StageProgress {

    /**
     * A moment's view of the stage.
     *
     * @param phase what it is doing, in words
     * @param unit what it counts ("recordings", "sign-ins"), null when it counts nothing
     * @param done how many it has done
     * @param total how many there are, 0 when unknown
     * @param elapsed time since the stage began
     * @param eta estimated time left of the stage, null when unknown
     */
    public record Snapshot(String phase, String unit, long done, long total, Duration elapsed, Duration eta) {
    }

    private final Clock clock;
    private final AtomicLong done = new AtomicLong();
    private volatile String phase = "starting";
    private volatile String unit;
    private volatile long total;
    private volatile double share = -1;
    private volatile Instant began;

    /** Live progress is wall-clock time, whatever clock the scan's records use. */
    public StageProgress() {
        this(Clock.systemUTC());
    }

    StageProgress(Clock clock) {
        this.clock = clock;
        this.began = clock.instant();
    }

    /** A stage begins: its phase, what it counts and how many there are (0 when unknown). */
    public void begin(String phase, String unit, long total) {
        this.phase = phase;
        this.unit = unit;
        this.total = Math.max(0, total);
        this.share = -1;
        this.done.set(0);
        this.began = clock.instant();
    }

    /** A stage, or a step of one, that counts nothing. */
    public void phase(String phase) {
        begin(phase, null, 0);
    }

    public void advance(long count) {
        done.addAndGet(count);
    }

    /** Progress of a stage whose total is unknown but whose covered share is (a time window read page by page). */
    public void covered(long count, double share) {
        done.addAndGet(count);
        this.share = Math.max(0, Math.min(1, share));
    }

    public Snapshot snapshot() {
        Duration elapsed = Duration.between(began, clock.instant());
        long doneNow = done.get();
        double fraction = total > 0 ? Math.min(1, (double) doneNow / total) : share;
        Duration eta = null;
        if (fraction > 0 && fraction < 1) {
            eta = Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction));
        }
        return new Snapshot(phase, unit, doneNow, total, elapsed, eta);
    }
}
