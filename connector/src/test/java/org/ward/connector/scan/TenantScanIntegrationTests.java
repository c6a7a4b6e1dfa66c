package org.ward.connector.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.report.ScanReports;
import org.ward.connector.report.SummaryText;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.simulator.Simulator;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.Drive;
import org.ward.simulator.tenant.Item;
import org.ward.simulator.tenant.NewFile;
import org.ward.simulator.tenant.User;

/** A real scan through the SDK, the resilience layer, Spring Batch and H2, against the simulated clinic. */
class TenantScanIntegrationTests {

    @TempDir
    Path dataDir;

    Simulator simulator;
    Map<String, Object> settings;

    @BeforeEach
    void start() {
        simulator = ScanHarness.clinic();
        settings = ScanHarness.h2(simulator, dataDir);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void findsRecordingsKeptOutsideTheApprovedSite() {
        List<Finding> open = ScanHarness.scan(settings);
        assertThat(open).filteredOn(f -> f.type() == RecordingsCatalogue.RECORDING_OUTSIDE_APPROVED_LOCATION)
                .extracting(f -> f.resource().path())
                .containsExactly("/Waiting room.mp4");
        assertThat(open).filteredOn(f -> f.type() == RecordingsCatalogue.UNREGISTERED_SITE_HOLDS_RECORDINGS)
                .extracting(f -> f.resource().webUrl())
                .containsExactly("https://smallclinic.sharepoint.com/sites/Intranet");
    }

    @Test
    void storesNoPatientIdentifierInClearText() {
        List<Finding> open = ScanHarness.scan(settings);
        assertThat(open).isNotEmpty().allSatisfy(f -> {
            assertThat(String.join(" ", f.reasons()) + f.title() + f.resource().path() + f.resource().webUrl())
                    .doesNotContain("9990000018").doesNotContain("999 000 0018");
        });
    }

    @Test
    void readsTheSensitivityLabelOfTheConsentFormBesideARecordingButNotOfOrdinaryDocuments() {
        ScanHarness.scan(settings);
        assertThat(simulator.requestLog().matching(e -> e.path().endsWith("/extractSensitivityLabels"))).hasSize(1);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            assertThat(context.getBean(ItemStore.class).labelsBesideRecordings())
                    .isEqualTo(new ItemStore.BesideRecordingLabels(1, 1));
            assertThat(SummaryText.lines(context.getBean(ScanReports.class).latest().orElseThrow()))
                    .contains("Office and PDF files naming a patient beside recordings: 1, 1 with a sensitivity label.");
        }
    }

    @Test
    void rescanReadsNoLabelOfAnUnchangedFile() {
        ScanHarness.scan(settings);
        simulator.requestLog().clear();
        ScanHarness.scan(settings);
        assertThat(simulator.requestLog().matching(e -> e.path().endsWith("/extractSensitivityLabels"))).isEmpty();
    }

    @Test
    void aWholeScanSignsInOnce() {
        ScanHarness.scan(settings);
        assertThat(simulator.requestLog().total()).isGreaterThan(20);
        assertThat(simulator.tokens().issuedCount()).isEqualTo(1);
    }

    @Test
    void secondScanOfAnUnchangedTenantReadsEachDriveOnceFromItsCursor() {
        ScanHarness.scan(settings);
        simulator.requestLog().clear();
        ScanHarness.scan(settings);
        List<RequestLogEntry> delta = simulator.requestLog().matching(e -> e.path().endsWith("/delta"));
        int drives = simulator.tenant().read(() -> simulator.tenant().drives().size());
        assertThat(delta).hasSize(drives).allSatisfy(e -> assertThat(e.query()).contains("token="));
        assertThat(delta).extracting(RequestLogEntry::resourceUnits).containsOnly(1);
    }

    @Test
    void fileAddedBetweenScansIsFoundByTheSecondScan() {
        ScanHarness.scan(settings);
        User ben = simulator.tenant().read(() -> simulator.tenant().user("ben.okri@smallclinic.nhs.uk"));
        Drive oneDrive = simulator.tenant().read(() -> simulator.tenant().drive(ben.driveId()));
        simulator.changes().addFileAt(oneDrive.id, "/Recordings",
                NewFile.named("Ward round-20261120_101500-Meeting Recording.mp4", "ward-round").by(ben.id())
                        .withMedia(new Item.Media("video", 900_000L, 1280, 720, null, null)));
        List<Finding> open = ScanHarness.scan(settings);
        assertThat(open).extracting(f -> f.resource().path())
                .contains("/Recordings/Ward round-20261120_101500-Meeting Recording.mp4");
    }

    @Test
    void expiredDeltaCursorsResyncWithoutLosingOrDuplicatingFindings() {
        Set<String> before = ids(ScanHarness.scan(settings));
        simulator.tenant().read(() -> simulator.tenant().drives().stream().map(d -> d.id).toList())
                .forEach(simulator.changes()::invalidateDeltaTokens);
        simulator.requestLog().clear();
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            context.getBean(ScanService.class).scan();
            List<Finding> all = context.getBean(FindingStore.class).all();
            assertThat(ids(all.stream().filter(f -> f.status() == FindingStatus.OPEN).toList())).isEqualTo(before);
            assertThat(all).hasSize(before.size());
        }
        assertThat(simulator.requestLog().matching(e -> e.status() == 410)).isNotEmpty();
    }

    @Test
    void deletedRecordingResolvesItsFindings() {
        List<Finding> first = ScanHarness.scan(settings);
        Finding waitingRoom = first.stream().filter(f -> "/Waiting room.mp4".equals(f.resource().path())).findFirst()
                .orElseThrow();
        simulator.changes().delete(waitingRoom.resource().driveId(), waitingRoom.resource().itemId());
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            context.getBean(ScanService.class).scan();
            assertThat(context.getBean(FindingStore.class).find(waitingRoom.id()).status()).isEqualTo(FindingStatus.RESOLVED);
        }
    }

    private static Set<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).collect(Collectors.toSet());
    }
}
