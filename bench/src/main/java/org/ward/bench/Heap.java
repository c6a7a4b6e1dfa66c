package org.ward.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

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

    /**
     * The most heap found in use just after any collection while it watches: what the program kept live, plus
     * whatever old garbage a young collection left; unlike the sum of pool peaks it is one moment's figure.
     */
    static final class AfterCollections {

        private final AtomicLong most = new AtomicLong();

        AfterCollections() {
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        return;
                    }
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey())).map(java.util.Map.Entry::getValue)
                            .mapToLong(MemoryUsage::getUsed).sum();
                    most.accumulateAndGet(used, Math::max);
                }, null, null);
            }
        }

        long mostMiB() {
            return most.get() / (1024 * 1024);
        }
    }

    /**
     * The live heap, measured by a full collection every {@code period} while it runs: slower than watching, but the
     * one figure that says whether what a program keeps grows with its input.
     */
    static final class LiveSamples implements AutoCloseable {

        private final java.util.List<Long> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "heap-live-samples");
                    thread.setDaemon(true);
                    return thread;
                });

        LiveSamples(java.time.Duration period) {
            timer.scheduleAtFixedRate(() -> samples.add(usedAfterGcMiB()), period.toMillis(), period.toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        java.util.List<Long> samplesMiB() {
            return java.util.List.copyOf(samples);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    static long maxMiB() {
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
