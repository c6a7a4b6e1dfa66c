package org.ward.connector.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Buckets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * ward serve's first scan, when Graph fails it, is tried again until one completes: the next cron occurrence may be a
 * day away, and until a scan completes there is nothing to watch and no evidence to pack.
 */
class FirstScanRetryTests {

    @TempDir
    Path dir;

    @Test
    void aFirstScanThatFailedIsTriedAgainUntilOneCompletes() {
        try (Simulator simulator = ServeHarness.clinic()) {
            simulator.throttle().outage(Buckets.SHAREPOINT, true);
            try (ConfigurableApplicationContext ward = ServeHarness.start(ServeHarness.settings(simulator, dir,
                    ServeHarness.freePort()))) {
                MeterRegistry registry = ward.getBean(MeterRegistry.class);
                await().atMost(Duration.ofMinutes(2)).until(() -> scans(registry, "failed") > 0);

                simulator.throttle().outage(Buckets.SHAREPOINT, false);

                JdbcTemplate jdbc = ward.getBean(JdbcTemplate.class);
                await().atMost(Duration.ofMinutes(2)).until(() -> jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ward_scan WHERE status = 'COMPLETED'", Integer.class) == 1);
                assertThat(scans(registry, "ran")).isPositive();
            }
        }
    }

    private static double scans(MeterRegistry registry, String outcome) {
        Counter counter = registry.find("ward.schedule.runs").tag("job", "ward-scan").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
