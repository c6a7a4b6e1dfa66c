package org.ward.connector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.scan.ScanService;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Latency;

/**
 * Ward's full scan of the demo tenant asks the simulator for nothing Graph would refuse: the simulator answers
 * unknown {@code $select}, {@code $expand} and {@code $filter} properties, unindexed directory filters, oversized
 * directory pages, {@code /me} and malformed URLs with Graph's 400s, so a scan that passes here sends none of them.
 */
class StrictSimulatorDemoScanTests {

    @TempDir
    Path dataDir;

    @Test
    void theDemoScanSendsNothingGraphRefuses() {
        try (Simulator simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF).start()) {
            Map<String, Object> settings = ScanHarness.settings(simulator.info(), "jdbc:h2:file:" + dataDir.resolve("ward")
                    + ";DB_CLOSE_ON_EXIT=FALSE", dataDir, DemoTenant.POLICY);
            try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
                context.getBean(ScanService.class).scan();
            }

            List<String> refused = simulator.requestLog().matching(e -> e.status() == 400 || e.status() == 405
                    || e.status() == 501).stream()
                    .map(e -> e.status() + " " + e.method() + " " + e.path() + (e.query().isEmpty() ? "" : "?" + e.query()))
                    .toList();
            assertThat(simulator.requestLog().total()).as("requests the scan made").isGreaterThan(100);
            assertThat(refused).as("requests the strict simulator refused as Graph would").isEmpty();
        }
    }
}
