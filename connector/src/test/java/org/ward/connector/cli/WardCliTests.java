package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;

/** The command line as an administrator or a scheduler meets it: help, mistakes, exit codes. */
class WardCliTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int ward(String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new WardCli(console).run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandWithoutAnyConfiguration() {
        assertThat(ward("--help")).isZero();
        assertThat(output()).contains("scan", "report", "findings", "remediate", "accept-risk", "audit", "check-connection",
                "inventory", "identity", "evidence", "Exit codes: 0 done; 1 failed; 2 usage or configuration error; 3 --fail-on");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("scan", "report", "findings", "remediate", "accept-risk", "audit", "check-connection",
                "inventory", "identity", "evidence")) {
            out.reset();
            assertThat(ward(command, "--help")).as(command).isZero();
            assertThat(output()).as(command).startsWith("Usage: ward " + command);
        }
    }

    @Test
    void evidenceNeedsOutOrVerify() {
        assertThat(ward("evidence")).isEqualTo(2);
        assertThat(errors()).contains("--out=DIR", "--verify=DIR");
    }

    @Test
    void evidenceVerifyNeedsNoSettingsDatabaseOrTenant() {
        assertThat(ward("evidence", "--verify", dir.toString())).isEqualTo(2);
        assertThat(errors()).contains("holds no SHA256SUMS, so it is not an evidence pack");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(ward("scan", "--frobnicate")).isEqualTo(2);
        assertThat(errors()).contains("ward: Unknown option: '--frobnicate'");
    }

    @Test
    void aWrongFailOnIsRefusedAsTheCommandLineIsRead() {
        assertThat(ward("scan", "--fail-on", "severe", "--config", dir.resolve("nope.properties").toString()))
                .isEqualTo(2);
        assertThat(errors()).isEqualTo("ward: Invalid value for option '--fail-on': --fail-on takes critical, high, medium,"
                + " low, info, not 'severe'; ward scan --help shows every option.\n");
    }

    @Test
    void aUsageErrorIsOneLineThatNamesTheCommandsHelp() {
        ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
        PrintStream before = System.err;
        System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
        try {
            assertThat(ward("findings", "--severity", "bogus")).isEqualTo(2);
        } finally {
            System.setErr(before);
        }
        assertThat(errors()).isEqualTo("ward: Invalid value for option '--severity': --severity takes critical, high,"
                + " medium, low, info, not 'bogus'; ward findings --help shows every option.\n");
        assertThat(systemErr.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void missingTenantIdStopsWithOneSentence() throws IOException {
        Path config = Files.writeString(dir.resolve("ward.properties"), "ward.graph.client-id=x\n");
        assertThat(ward("scan", "--config", config.toString(), "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(errors().strip()).isEqualTo("ward: ward.graph.tenant-id is missing: set it to your Microsoft Entra tenant id"
                + " (a GUID) or domain.");
    }

    @Test
    void unreadableConfigFileIsAUsageError() {
        assertThat(ward("scan", "--config", dir.resolve("nope.yml").toString())).isEqualTo(2);
        assertThat(errors()).contains("--config").contains("cannot be read");
    }

    @Test
    void failOnExitsThreeWhenAFindingAtThatSeverityIsOpen() throws IOException {
        try (Simulator simulator = ScanHarness.clinic()) {
            Path config = config(ScanHarness.h2(simulator, dir));
            assertThat(ward("scan", "--config", config.toString(), "--fail-on", "critical")).isEqualTo(3);
            assertThat(output()).contains("Open findings:", "exit code 3");
        }
    }

    @Test
    void failOnExitsZeroWhenNothingThatSevereIsOpen() throws IOException {
        try (Simulator simulator = Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/clinic.yaml"))
                .latency(org.ward.simulator.throttle.Latency.OFF).start()) {
            Map<String, Object> settings = new java.util.LinkedHashMap<>(ScanHarness.h2(simulator, dir));
            settings.put("ward.sharing.enabled", false);
            assertThat(ward("scan", "--config", config(settings).toString(), "--fail-on", "critical")).isZero();
        }
    }

    private Path config(Map<String, Object> settings) throws IOException {
        List<String> lines = new ArrayList<>();
        settings.forEach((k, v) -> lines.add(k + "=" + String.valueOf(v).replace("\\", "\\\\")));
        return Files.write(dir.resolve("ward.properties"), lines);
    }
}
