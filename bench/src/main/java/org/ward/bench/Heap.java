package org.ward.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** Heap figures from the JVM's own memory pools. */
final class Heap {

    private Heap() {
    }

    /** The highest heap use since the JVM started (sum of the heap pools' peaks), in MiB. */
    static long peakMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    /** Heap in use after a collection, in MiB. */
    static long usedAfterGcMiB() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    static long maxMiB() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
