package org.ward.connector.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.discovery.collect.TenantDiscovery;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;

/**
 * Discovery keeps what it has read: an attempt that fails half-way leaves its units in the journal, and the next
 * attempt reads only the rest and finds the same tenant as a discovery that never failed.
 */
class DiscoveryJournalTests {

    @TempDir
    Path dataDir;

    @Test
    void aRetriedDiscoveryReadsOnlyWhatTheFailedAttemptHadNotReadYet() {
        try (Simulator simulator = ScanHarness.clinic();
                ConfigurableApplicationContext ward = ScanHarness.start(ScanHarness.h2(simulator, dataDir))) {
            TenantDiscovery discovery = ward.getBean(TenantDiscovery.class);
            DiscoveryUnits units = ward.getBean(DiscoveryUnits.class);
            Discovery clean = discovery.discover();
            int everything = simulator.requestLog().entries().size();

            simulator.requestLog().clear();
            DiscoveryJournal journal = units.of(42);
            AtomicInteger kept = new AtomicInteger();
            DiscoveryJournal failingAfterFour = new DiscoveryJournal() {
                @Override
                public Optional<String> recall(String unit) {
                    return journal.recall(unit);
                }

                @Override
                public void remember(String unit, String body) {
                    journal.remember(unit, body);
                    if (kept.incrementAndGet() == 4) {
                        throw new IllegalStateException("the network went away");
                    }
                }
            };
            assertThatThrownBy(() -> discovery.discover(failingAfterFour)).hasMessageContaining("the network went away");
            int firstAttempt = simulator.requestLog().entries().size();

            simulator.requestLog().clear();
            Discovery resumed = discovery.discover(units.of(42));
            int secondAttempt = simulator.requestLog().entries().size();

            assertThat(resumed).isEqualTo(clean);
            assertThat(secondAttempt).isLessThan(everything);
            assertThat(firstAttempt + secondAttempt).isLessThanOrEqualTo(everything + kept.get());
            simulator.requestLog().clear();
            assertThat(discovery.discover(units.of(42))).isEqualTo(clean);
            assertThat(simulator.requestLog().entries()).as("everything was in the journal").isEmpty();
        }
    }
}
