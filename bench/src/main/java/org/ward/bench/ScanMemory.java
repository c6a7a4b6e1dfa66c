package org.ward.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.scan.ScanService;
import org.ward.simulator.SimulatorInfo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ward's heap while it scans a large tenant, sharing on: the simulator runs in its own process (it holds the whole
 * tenant), Ward in this one — run it with -Xmx2g to show the scan streams.
 */
final class ScanMemory {

    private final BenchMain.Options options;

    ScanMemory(BenchMain.Options options) {
        this.options = options;
    }

    void run() throws Exception {
        int sites = options.integer("sites", 1_000);
        int perSite = options.integer("items-per-site", 1_000);
        Path work = Files.createTempDirectory("ward-bench-memory");
        Path info = work.resolve("simulator.json");
        String jar = options.values().getOrDefault("simulator-jar", "simulator/target/ward-simulator.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx6g", "-jar", jar, "--tenant", "generated", "--sites", String.valueOf(sites), "--items-per-site",
                String.valueOf(perSite), "--port", "0", "--latency", "off", "--throttling", "off", "--info-file", info.toString()));
        Process simulator = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("simulator.out").toFile())
                .start();
        try {
            long waited = 0;
            while (!Files.exists(info) && simulator.isAlive() && waited < 600_000) {
                Thread.sleep(500);
                waited += 500;
            }
            if (!Files.exists(info)) {
                throw new IllegalStateException("the simulator did not start; see " + work.resolve("simulator.out"));
            }
            JsonNode json = JsonMapper.builder().build().readTree(Files.readString(info));
            SimulatorInfo simulatorInfo = new SimulatorInfo(json.get("graphBaseUrl").asString(), json.get("authority").asString(),
                    json.get("tenantId").asString(), json.get("clientId").asString(), json.get("clientSecret").asString(),
                    Path.of(json.get("caCertificate").asString()), null);
            Map<String, Object> settings = new java.util.HashMap<>(WardRun.settings(simulatorInfo, simulatorInfo.clientSecret(),
                    work.resolve("ward"), 1_000_000));
            boolean sharing = options.flag("sharing", true);
            settings.put("ward.sharing.enabled", sharing);
            Heap.AfterCollections afterCollections = new Heap.AfterCollections();
            long started = System.nanoTime();
            long items;
            long permissionLists;
            List<Long> live;
            try (ConfigurableApplicationContext ward = WardRun.start(settings);
                    Heap.LiveSamples samples = new Heap.LiveSamples(java.time.Duration.ofSeconds(15))) {
                ward.getBean(ScanService.class).scan();
                live = samples.samplesMiB();
                items = ward.getBean(ItemStore.class).count();
                permissionLists = ward.getBean(org.ward.connector.sharing.AccessStore.class).listCount();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Scanned %,d items in %.0f s (%,.0f items/s) with a %,d MiB heap limit, sharing %s%s%n", items,
                    seconds, items / seconds, Heap.maxMiB(), sharing ? "on" : "off", sharing ? " (" + permissionLists
                            + " permission lists read)" : "");
            System.out.printf("Ward's heap: at most %,d MiB in use just after a collection; sum of the heap pools' peaks %,d MiB"
                    + " (an upper bound: the pools peak at different moments)%n", afterCollections.mostMiB(), Heap.peakMiB());
            System.out.printf("Ward's live heap (a full collection every 15 s): most %,d MiB, last %,d MiB over %d samples: %s%n",
                    live.stream().mapToLong(Long::longValue).max().orElse(0), live.isEmpty() ? 0 : live.get(live.size() - 1),
                    live.size(), live);
        } finally {
            simulator.destroy();
        }
    }
}
