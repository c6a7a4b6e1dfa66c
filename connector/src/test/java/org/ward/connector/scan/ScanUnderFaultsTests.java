package org.ward.connector.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.demo.DemoTenant;
import org.ward.connector.report.ScanReports;
import org.ward.connector.report.SummaryText;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.findings.Finding;
import org.ward.simulator.Simulator;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.throttle.Faults;
import org.ward.simulator.throttle.Latency;

/**
 * A scan of the demo tenant through every fault Graph and the network produce, each at a few per cent — 503 and 504
 * answers, connections reset, bodies cut off mid-stream, malformed JSON, slow answers — finds exactly what a clean scan
 * finds, and says what it met.
 */
class ScanUnderFaultsTests {

    @TempDir
    Path dir;

    @Test
    void findsWhatACleanScanFindsThroughEveryFaultKind() {
        // Budgets off: the spec is about faults; throttling by budget has specs of its own.
        try (Simulator simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF)
                .throttling(false).start()) {
            Set<String> clean = keys(ScanHarness.scan(settings(simulator, dir.resolve("clean"))));

            simulator.setFaults(new Faults(0.02, 0.02, 0.02, 0.02, 0.02, 0.02, Duration.ofMillis(100), 9));
            simulator.requestLog().clear();
            ScanService.Outcome outcome;
            List<Finding> faulty;
            ScanRuns.ScanRun run;
            List<String> summary;
            try (ConfigurableApplicationContext ward = ScanHarness.start(settings(simulator, dir.resolve("faulty")))) {
                outcome = ward.getBean(ScanService.class).scan();
                faulty = ScanHarness.open(ward);
                run = ward.getBean(ScanRuns.class).find(outcome.scanId()).orElseThrow();
                summary = SummaryText.lines(ward.getBean(ScanReports.class).summary(outcome.scanId()).orElseThrow());
            }

            List<RequestLogEntry> met = simulator.requestLog().matching(e -> !e.fault().equals("none"));
            assertThat(met).extracting(RequestLogEntry::fault).contains("serviceUnavailable", "gatewayTimeout",
                    "connectionReset", "malformedJson", "truncatedBody", "slow");
            assertThat(outcome.complete()).as(String.join("; ", outcome.incomplete())).isTrue();
            assertThat(keys(faulty)).isNotEmpty().isEqualTo(clean);
            assertThat(run.faults()).isPositive();
            assertThat(run.retries()).isPositive();
            assertThat(run.throttled()).isPositive();
            assertThat(String.join("\n", summary)).contains(run.retries() + " retries, " + run.faults() + " faults met")
                    .contains(run.throttled() + " throttled (held back ");
        }
    }

    private static Map<String, Object> settings(Simulator simulator, Path dataDir) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(ScanHarness.settings(simulator.info(),
                "jdbc:h2:file:" + dataDir.resolve("ward"), dataDir, DemoTenant.POLICY));
        // Short back-off keeps the spec quick; Graph's own Retry-After is still honoured in full.
        settings.put("ward.graph.resilience.initial-backoff", "100ms");
        settings.put("ward.graph.resilience.max-backoff", "1s");
        return settings;
    }

    private static Set<String> keys(List<Finding> findings) {
        return findings.stream().map(f -> f.id() + " " + f.type() + " " + f.severity()).collect(Collectors.toCollection(TreeSet::new));
    }
}
