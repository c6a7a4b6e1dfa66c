package org.ward.connector.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.report.ScanReports;
import org.ward.connector.runs.ScanRuns;
import org.ward.simulator.Simulator;

/**
 * A scan that fails before its first step commits (Graph refuses the sign-in, the network is down) leaves nothing the
 * next scan trips over: the next run is recorded in the register and summarised like any other.
 */
class ScanAfterAFailedStartTests {

    @TempDir
    Path dataDir;

    Simulator simulator;

    @BeforeEach
    void start() {
        simulator = ScanHarness.clinic();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theScanAfterOneThatFailedInDiscoveryIsRecordedAndSummarised() {
        Map<String, Object> wrongSecret = new LinkedHashMap<>(ScanHarness.h2(simulator, dataDir));
        wrongSecret.put("ward.graph.client-secret", "not-the-secret");
        try (ConfigurableApplicationContext context = ScanHarness.start(wrongSecret)) {
            assertThatThrownBy(() -> context.getBean(ScanService.class).scan()).isInstanceOf(ScanFailedException.class);
        }

        try (ConfigurableApplicationContext context = ScanHarness.start(ScanHarness.h2(simulator, dataDir))) {
            ScanService.Outcome outcome = context.getBean(ScanService.class).scan();

            assertThat(context.getBean(ScanRuns.class).find(outcome.scanId())).hasValueSatisfying(
                    run -> assertThat(run.status()).isEqualTo("COMPLETED"));
            assertThat(context.getBean(ScanReports.class).summary(outcome.scanId())).isPresent();
        }
    }
}
