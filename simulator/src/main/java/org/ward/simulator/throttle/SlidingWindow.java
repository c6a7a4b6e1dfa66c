package org.ward.simulator.throttle;

import java.time.Duration;

/**
 * Units spent over a sliding window, kept in 100 ms slots. Answers whether a request still fits and, when it does
 * not, how long until enough earlier spending has left the window.
 */
final class SlidingWindow {

    private static final long SLOT_MILLIS = 100;

    private final long windowMillis;
    private final long[] slotUnits;
    private final long[] slotStart;

    SlidingWindow(Duration window) {
        this.windowMillis = window.toMillis();
        int slots = (int) Math.max(1, windowMillis / SLOT_MILLIS);
        this.slotUnits = new long[slots];
        this.slotStart = new long[slots];
    }

    synchronized long used(long nowMillis) {
        long sum = 0;
        for (int i = 0; i < slotUnits.length; i++) {
            if (nowMillis - slotStart[i] < windowMillis) {
                sum += slotUnits[i];
            }
        }
        return sum;
    }

    synchronized void spend(long nowMillis, long units) {
        long start = nowMillis - nowMillis % SLOT_MILLIS;
        int index = (int) ((start / SLOT_MILLIS) % slotUnits.length);
        if (slotStart[index] != start) {
            slotStart[index] = start;
            slotUnits[index] = 0;
        }
        slotUnits[index] += units;
    }

    /** Milliseconds until {@code needed} more units fit under {@code budget}; 0 when they fit now. */
    synchronized long waitFor(long nowMillis, long needed, long budget) {
        long excess = used(nowMillis) + needed - budget;
        if (excess <= 0) {
            return 0;
        }
        long[][] live = new long[slotUnits.length][];
        int n = 0;
        for (int i = 0; i < slotUnits.length; i++) {
            if (nowMillis - slotStart[i] < windowMillis && slotUnits[i] > 0) {
                live[n++] = new long[] {slotStart[i], slotUnits[i]};
            }
        }
        java.util.Arrays.sort(live, 0, n, java.util.Comparator.comparingLong(a -> a[0]));
        long freed = 0;
        for (int i = 0; i < n; i++) {
            freed += live[i][1];
            if (freed >= excess) {
                return Math.max(1, live[i][0] + windowMillis - nowMillis);
            }
        }
        return windowMillis;
    }
}
