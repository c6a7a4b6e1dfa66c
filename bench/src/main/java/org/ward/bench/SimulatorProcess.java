package org.ward.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ward.simulator.SimulatorInfo;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator in a process of its own (its CPU is not the benchmark's), started from its jar with the given options,
 * and its request log read back once it is stopped.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path requestLog;
    private final SimulatorInfo info;
    private final Path output;

    private SimulatorProcess(Process process, Path requestLog, SimulatorInfo info, Path output) {
        this.process = process;
        this.requestLog = requestLog;
        this.info = info;
        this.output = output;
    }

    /** Starts the simulator jar with {@code options} (besides port, info file and request log) and waits until it serves. */
    static SimulatorProcess start(String jar, String heap, Path work, List<String> options) throws IOException,
            InterruptedException {
        Files.createDirectories(work);
        Path info = work.resolve("simulator.json");
        Path log = work.resolve("requests.jsonl");
        Path output = work.resolve("simulator.out");
        Files.deleteIfExists(info);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar, "--port", "0", "--info-file", info.toString(), "--request-log", log.toString()));
        command.addAll(options);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!Files.exists(info) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (!Files.exists(info)) {
            process.destroy();
            throw new IllegalStateException("the simulator did not start; see " + output);
        }
        Thread.sleep(200); // the info file is written in one call; let it land
        JsonNode json = JSON.readTree(Files.readString(info));
        SimulatorInfo simulatorInfo = new SimulatorInfo(json.get("graphBaseUrl").asString(), json.get("authority").asString(),
                json.get("tenantId").asString(), json.get("clientId").asString(), json.get("clientSecret").asString(),
                Path.of(json.get("caCertificate").asString()), null);
        return new SimulatorProcess(process, log, simulatorInfo, output);
    }

    SimulatorInfo info() {
        return info;
    }

    /** CPU time the simulator's process has used so far, in seconds. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    /** Stops the simulator and returns every request it answered. */
    List<JsonNode> stopAndReadLog() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the simulator did not stop; see " + output);
        }
        List<JsonNode> entries = new ArrayList<>();
        if (Files.exists(requestLog)) {
            try (var lines = Files.lines(requestLog)) {
                lines.forEach(line -> entries.add(JSON.readTree(line)));
            }
        }
        return entries;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
