package org.ward.connector.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ward.connector.graph.GraphTraffic;
import org.ward.connector.runs.ScanRuns;
import org.ward.simulator.Simulator;

import com.microsoft.graph.serviceclient.GraphServiceClient;

/** A scan's figures count every request it made, whenever the timer that adds them to the scan's row fires. */
class ScanTrafficTests {

    @TempDir
    Path dataDir;

    @Test
    void trafficTheTimerMetBeforeTheScansRowWasCommittedIsCountedLater() throws Exception {
        ExecutorService timer = Executors.newSingleThreadExecutor();
        try (Simulator simulator = ScanHarness.clinic();
                ConfigurableApplicationContext ward = ScanHarness.start(ScanHarness.h2(simulator, dataDir))) {
            ScanTraffic traffic = ward.getBean(ScanTraffic.class);
            ScanRuns runs = ward.getBean(ScanRuns.class);
            GraphTraffic wire = ward.getBean(GraphTraffic.class);
            GraphServiceClient graph = ward.getBean(GraphServiceClient.class);
            GraphTraffic.Snapshot before = wire.snapshot();
            traffic.mark();

            // The discovery step creates the scan's row and reads the tenant in one transaction; the timer fires
            // on its own thread meanwhile, when no other connection can see the row yet.
            long scanId = new TransactionTemplate(ward.getBean(PlatformTransactionManager.class)).execute(status -> {
                long id = runs.start("tenant", "policy", "hash", 1L, Instant.now());
                traffic.scanning(id);
                graph.users().get();
                graph.sites().getAllSites().get();
                Future<?> tick = timer.submit(traffic::record);
                try {
                    tick.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return id;
            });
            traffic.record();

            assertThat(runs.find(scanId).orElseThrow().graphRequests())
                    .isEqualTo(wire.snapshot().since(before).requests()).isPositive();
        } finally {
            timer.shutdownNow();
        }
    }
}
