package org.ward.connector.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.findings.Finding;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.Simulator;
import org.ward.simulator.requestlog.RequestLogEntry;

/** Sharing findings from a real scan of the simulated clinic, and what reading permissions costs. */
class SharingScanIntegrationTests {

    @TempDir
    Path dataDir;

    Simulator simulator;
    Map<String, Object> readOnly;
    Map<String, Object> fullControl;

    @BeforeEach
    void start() {
        simulator = ScanHarness.clinic();
        readOnly = ScanHarness.h2(simulator, dataDir);
        fullControl = ScanHarness.asApp(readOnly, simulator, "Ward full control");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void flagsTheAnyoneLinkOnTheWaitingRoomVideo() {
        List<Finding> open = ScanHarness.scan(readOnly);
        assertThat(open).filteredOn(f -> f.type() == SharingCatalogue.ANONYMOUS_LINK).extracting(f -> f.resource().path())
                .containsExactly("/Waiting room.mp4");
    }

    @Test
    void organisationLinkOnAnOrdinaryDocumentIsNotAFinding() {
        List<Finding> open = ScanHarness.scan(readOnly);
        assertThat(open).filteredOn(f -> f.type() == SharingCatalogue.ORGANIZATION_LINK).isEmpty();
        assertThat(open).extracting(f -> f.resource().path()).doesNotContain("/Staff handbook.docx");
    }

    @Test
    void partnerTrustGuestIsNotExternalAccess() {
        assertThat(ScanHarness.scan(readOnly)).filteredOn(f -> f.type() == SharingCatalogue.EXTERNAL_USER_ACCESS).isEmpty();
    }

    @Test
    void aPackWithNoDomainsDoesNotTurnMembersIntoOutsiders() throws Exception {
        // Issue 11 §3: who is a guest is Graph's word (userType, #EXT#, /organization's verified domains). With an empty
        // domain list, Ada's own OneDrive recording and the staff's grants must stay members' access.
        Path pack = dataDir.resolve("no-domains.yaml");
        java.nio.file.Files.writeString(pack, java.nio.file.Files.readString(Path.of(ScanHarness.CLINIC_POLICY))
                .replace("domains: [smallclinic.onmicrosoft.com, smallclinic.nhs.uk]", "domains: []"));
        Map<String, Object> settings = new java.util.LinkedHashMap<>(readOnly);
        settings.put("ward.policy.pack", pack.toString());

        List<Finding> open = ScanHarness.scan(settings);

        assertThat(open).filteredOn(f -> f.type() == SharingCatalogue.EXTERNAL_USER_ACCESS).isEmpty();
        assertThat(open).extracting(f -> f.resource().path()).contains("/Waiting room.mp4");
    }

    @Test
    void firstScanReadsEachRecordingsPermissionsOnceInBatches() {
        ScanHarness.scan(readOnly);
        long recordings = recordingsFound(readOnly);
        List<RequestLogEntry> reads = simulator.requestLog().matching(e -> e.inBatch() && e.path().endsWith("/permissions"));
        assertThat(reads).hasSize((int) recordings);
        assertThat(reads).extracting(RequestLogEntry::resourceUnits).containsOnly(5);
        long labelReads = simulator.requestLog().count(e -> e.path().endsWith("/extractSensitivityLabels"));
        // The inventory reads each candidate's retention label and columns in batches of its own, per drive page;
        // the label checks re-read the retention label of recordings carrying another one than their kind's.
        long detailBatches = simulator.requestLog().matching(e -> e.inBatch() && e.query() != null
                && e.query().contains("retentionLabel")).stream()
                .collect(java.util.stream.Collectors.groupingBy(e -> e.path().split("/")[2], java.util.stream.Collectors.counting()))
                .values().stream().mapToLong(n -> (n + 19) / 20).sum();
        long retentionReads = simulator.requestLog().count(e -> e.inBatch() && e.path().endsWith("/retentionLabel"));
        // Discovery sends its own batches (sites' drives, OneDrives, groups) before the first delta read.
        java.time.Instant inventoryBegins = simulator.requestLog().matching(e -> e.path().contains("delta")).get(0).time();
        assertThat(simulator.requestLog().matching(e -> e.path().equals("/$batch") && e.time().isAfter(inventoryBegins)))
                .hasSize((int) (Math.ceil(recordings / 20.0) + Math.ceil(labelReads / 20.0) + detailBatches
                        + Math.ceil(retentionReads / 20.0)));
    }

    @Test
    void secondScanOfAnUnchangedTenantRereadsNoPermissionsWhenDeltaReportsSharing() {
        ScanHarness.scan(fullControl);
        simulator.requestLog().clear();
        ScanHarness.scan(fullControl);
        assertThat(simulator.requestLog().matching(e -> e.path().endsWith("/permissions"))).isEmpty();
    }

    @Test
    void withoutFullControlEveryScanRereadsEveryRecording() {
        ScanHarness.scan(readOnly);
        simulator.requestLog().clear();
        ScanHarness.scan(readOnly);
        assertThat(simulator.requestLog().matching(e -> e.inBatch() && e.path().endsWith("/permissions")))
                .hasSize((int) recordingsFound(readOnly));
    }

    @Test
    void summarySaysWhatTheFallbackWithoutFullControlCosts() {
        ScanHarness.scan(readOnly);
        long recordings = recordingsFound(readOnly);
        try (var context = ScanHarness.start(readOnly)) {
            assertThat(org.ward.connector.report.SummaryText.lines(context.getBean(org.ward.connector.report.ScanReports.class)
                    .latest().orElseThrow())).anySatisfy(line -> assertThat(line).startsWith("Sharing: " + recordings
                            + " permission lists read (" + recordings * 5 + " resource units), one for every recording, on"
                            + " every scan: without Sites.FullControl.All"));
        }
    }

    @Test
    void summarySaysHowManyListsGaveTheRecordingsAccessWithFullControl() {
        ScanHarness.scan(fullControl);
        long recordings = recordingsFound(fullControl);
        try (var context = ScanHarness.start(fullControl)) {
            assertThat(org.ward.connector.report.SummaryText.lines(context.getBean(org.ward.connector.report.ScanReports.class)
                    .latest().orElseThrow())).anySatisfy(line -> assertThat(line).startsWith("Sharing: ")
                            .contains("the access of " + recordings + " recordings derived from"));
        }
    }

    @Test
    void removedLinkIsRereadAndItsFindingResolvedByTheNextScan() {
        Finding anyone = ScanHarness.scan(fullControl).stream().filter(f -> f.type() == SharingCatalogue.ANONYMOUS_LINK).findFirst()
                .orElseThrow();
        simulator.changes().removePermission(anyone.resource().driveId(), anyone.resource().itemId(),
                (String) anyone.details().get("permissionId"));
        simulator.requestLog().clear();
        List<Finding> open = ScanHarness.scan(fullControl);
        assertThat(open).filteredOn(f -> f.type() == SharingCatalogue.ANONYMOUS_LINK).isEmpty();
        assertThat(simulator.requestLog().matching(e -> e.inBatch() && e.path().endsWith("/permissions"))).hasSize(1);
    }

    private static long recordingsFound(Map<String, Object> settings) {
        try (var context = ScanHarness.start(settings)) {
            return context.getBean(org.ward.connector.inventory.ItemStore.class).countRecordings();
        }
    }
}
