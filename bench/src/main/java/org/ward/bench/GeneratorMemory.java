package org.ward.bench;

import java.time.Clock;

import org.ward.simulator.SimulatorMain;
import org.ward.simulator.fixture.FixtureLoader;
import org.ward.simulator.fixture.TenantGenerator;

/** How long a large generated tenant takes to build and how much heap it holds. */
final class GeneratorMemory {

    private final BenchMain.Options options;

    GeneratorMemory(BenchMain.Options options) {
        this.options = options;
    }

    void run() {
        int sites = options.integer("sites", 1_000);
        int perSite = options.integer("items-per-site", 1_000);
        long started = System.nanoTime();
        FixtureLoader.Loaded loaded = new TenantGenerator(sites, perSite, options.number("seed", 1))
                .generate(Clock.systemUTC(), "bench-secret", SimulatorMain.FULL_PERMISSIONS);
        double seconds = (System.nanoTime() - started) / 1e9;
        long items = loaded.tenant().read(() -> loaded.tenant().drives().stream().mapToLong(d -> d.liveItemCount()).sum());
        long held = Heap.usedAfterGcMiB();
        System.out.printf("Generated tenant: %d sites, %,d items (incl. folders and OneDrives) in %.1f s%n", sites, items, seconds);
        System.out.printf("Heap held after GC: %,d MiB of %,d MiB max (%.0f bytes per item); peak %,d MiB%n", held, Heap.maxMiB(),
                held * 1024.0 * 1024.0 / items, Heap.peakMiB());
    }
}
