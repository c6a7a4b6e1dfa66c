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
    void readsGraphsGzipCompressedAnswersAsGraphSendsThemAndFindsTheSame() {
        // OkHttp under the SDK sends Accept-Encoding: gzip and inflates the answers before the resilience layer,
        // JsonBodyCheck and the streaming delta reader see them.
        List<Finding> open = ScanHarness.scan(settings);
        assertThat(simulator.requestLog().compressedAnswers()).isPositive();
        assertThat(simulator.requestLog().matching(e -> e.path().contains("/delta"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        assertThat(open).filteredOn(f -> f.type() == RecordingsCatalogue.RECORDING_OUTSIDE_APPROVED_LOCATION)
                .extracting(f -> f.resource().path())
                .containsExactly("/Waiting room.mp4");
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
    void itemByItemAsksDeltaToExpandNothingAndReadsLabelsAndColumnsOnlyOfFilesThatMayBeRecordings() {
        Map<String, Object> itemByItem = new java.util.LinkedHashMap<>(settings);
        itemByItem.put("ward.inventory.list-item-delta", "off");
        List<Finding> open = ScanHarness.scan(itemByItem);
        List<RequestLogEntry> delta = simulator.requestLog().matching(e -> e.path().startsWith("/drives/")
                && e.path().contains("/delta"));
        assertThat(delta).isNotEmpty().allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(java.net.URLDecoder.decode(String.valueOf(e.query()), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContainIgnoringCase("$expand");
        });
        Set<String> detailed = simulator.requestLog().matching(e -> e.inBatch() && e.query() != null
                && e.query().contains("retentionLabel")).stream().map(e -> e.path().substring(e.path().lastIndexOf('/') + 1))
                .collect(Collectors.toSet());
        Map<String, String> names = simulator.tenant().read(() -> simulator.tenant().drives().stream()
                .flatMap(d -> d.allItems().stream()).filter(i -> !i.deleted && !i.folder)
                .collect(Collectors.toMap(i -> i.id, i -> i.name)));
        Set<String> media = names.entrySet().stream().filter(e -> e.getValue().matches("(?i).*\\.(mp4|m4a|mov|wav|mp3|jpg|jpeg|png|heic)$"))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(detailed).isNotEmpty().isSubsetOf(media);
        // The consultation's retention label came through the item read: it is judged, not reported missing.
        assertThat(open).filteredOn(f -> f.type() == RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL
                && "/Consultations/Consultation 999 *** **18.mp4".equals(f.resource().path()))
                .extracting(Finding::title).containsExactly("A consultation video carries the retention label"
                        + " \"Patient Recording - 8 years\" instead of \"Clinical Recording - 8 Years\".");
    }

    @Test
    void aTokenThatExpiresEarlyMidScanIsRenewedAndTheScanFindsWhatItWouldHave() {
        Set<String> clean = ScanHarness.scan(ScanHarness.h2(simulator, dataDir.resolve("clean"))).stream()
                .map(Finding::id).collect(Collectors.toSet());
        long tokensBefore = simulator.tokens().issuedCount();
        simulator.tokens().expireTokensAfter(15);

        List<Finding> open = ScanHarness.scan(ScanHarness.h2(simulator, dataDir.resolve("early-expiry")));

        assertThat(open).extracting(Finding::id).containsExactlyInAnyOrderElementsOf(clean);
        assertThat(simulator.tokens().issuedCount() - tokensBefore).as("signed in again after each early expiry")
                .isGreaterThanOrEqualTo(2);
        assertThat(simulator.requestLog().count(e -> e.status() == 401)).isPositive();
    }

    @Test
    void secondScanOfAnUnchangedTenantReadsEachDriveOnceFromItsCursor() {
        ScanHarness.scan(settings);
        simulator.requestLog().clear();
        ScanHarness.scan(settings);
        List<RequestLogEntry> delta = simulator.requestLog().matching(e -> e.path().startsWith("/drives/")
                && e.path().endsWith("/delta"));
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
    void aNameLongerThanItsColumnIsStoredCutWithAMarkerAndEveryRerunSucceeds() {
        User ben = simulator.tenant().read(() -> simulator.tenant().user("ben.okri@smallclinic.nhs.uk"));
        Drive oneDrive = simulator.tenant().read(() -> simulator.tenant().drive(ben.driveId()));
        String longName = "Consultation " + "very long name ".repeat(200) + "-Meeting Recording.mp4";
        Item added = simulator.changes().addFileAt(oneDrive.id, "/Recordings", NewFile.named(longName, "long").by(ben.id())
                .withMedia(new Item.Media("video", 900_000L, 1280, 720, null, null)));
        assertThat(longName.length()).isGreaterThan(2_000);

        List<Finding> first = ScanHarness.scan(settings);
        List<Finding> second = ScanHarness.scan(settings);

        assertThat(second).extracting(Finding::id).containsExactlyInAnyOrderElementsOf(first.stream().map(Finding::id).toList());
        try (ConfigurableApplicationContext ward = ScanHarness.start(settings)) {
            String stored = ward.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "SELECT name FROM ward_item WHERE item_id = ?", String.class, added.id);
            assertThat(stored).hasSize(2_000).startsWith("Consultation very long name").endsWith("…[truncated]");
        }
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
