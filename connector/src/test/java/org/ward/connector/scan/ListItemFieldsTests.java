package org.ward.connector.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.rules.findings.Finding;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.simulator.Simulator;
import org.ward.simulator.labels.NationalCloud;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.throttle.Latency;

/**
 * Retention labels and metadata columns come from each library's list-item delta, joined to the drive's items by
 * their list item id: a request per library page instead of a read per file, only changed list items on a rescan,
 * and item-by-item reads where Graph does not serve list-item delta.
 */
class ListItemFieldsTests {

    @TempDir
    Path dataDir;

    Simulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    static boolean listDelta(RequestLogEntry e) {
        return e.path().contains("/lists/") && e.path().contains("/items/delta");
    }

    /**
     * A driveItem read by id inside a {@code $batch}, as the inventory makes them (item-by-item labels and columns, or a
     * re-read); the label-checks stage's {@code …/retentionLabel} reads and the sharing stage's are other requests.
     */
    static boolean itemRead(RequestLogEntry e) {
        return e.inBatch() && e.path().matches("/drives/[^/]+/items/[^/]+");
    }

    @Test
    void readsLabelsAndColumnsThroughEachLibrarysListItemDeltaNotItemByItem() {
        simulator = ScanHarness.clinic();

        List<Finding> open = ScanHarness.scan(ScanHarness.h2(simulator, dataDir));

        List<RequestLogEntry> lists = simulator.requestLog().matching(ListItemFieldsTests::listDelta);
        assertThat(lists).isNotEmpty().allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(java.net.URLDecoder.decode(e.query(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("$expand=fields($select=_ComplianceTag,").contains("ConsentRecorded");
        });
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).as("no item read one by one").isEmpty();
        assertThat(open).filteredOn(f -> f.type() == RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL
                && "/Consultations/Consultation 999 *** **18.mp4".equals(f.resource().path()))
                .extracting(Finding::title).containsExactly("A consultation video carries the retention label"
                        + " \"Patient Recording - 8 years\" instead of \"Clinical Recording - 8 Years\".");
    }

    @Test
    void driveDeltaAsksForEachItemsListItemIdAndNeverExpandsListItem() {
        simulator = ScanHarness.clinic();

        ScanHarness.scan(ScanHarness.h2(simulator, dataDir));

        List<RequestLogEntry> deltas = simulator.requestLog().matching(e -> e.path().startsWith("/drives/")
                && e.path().contains("/delta"));
        assertThat(deltas).isNotEmpty().allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(decoded(e.query())).doesNotContainIgnoringCase("$expand").doesNotContainIgnoringCase("listItem");
        });
        assertThat(deltas).filteredOn(e -> !e.query().contains("token=")).isNotEmpty()
                .allSatisfy(e -> assertThat(decoded(e.query())).contains("sharepointIds"));
    }

    @Test
    void aRecordingsConsentColumnReachesTheChecksOnTheFirstScan() {
        simulator = ScanHarness.clinic();
        Finding missing = ScanHarness.scan(ScanHarness.h2(simulator, dataDir.resolve("before"))).stream()
                .filter(f -> f.type() == RecordingsCatalogue.RECORDING_WITHOUT_CONSENT_EVIDENCE).findFirst().orElseThrow();
        simulator.changes().updateFieldsWithoutNewVersion(missing.resource().driveId(), missing.resource().itemId(),
                Map.of("ConsentRecorded", "Yes"));
        simulator.requestLog().clear();

        List<Finding> open = ScanHarness.scan(ScanHarness.h2(simulator, dataDir.resolve("fresh")));

        assertThat(open).filteredOn(f -> f.type() == RecordingsCatalogue.RECORDING_WITHOUT_CONSENT_EVIDENCE)
                .extracting(f -> f.resource().itemId()).doesNotContain(missing.resource().itemId());
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).isEmpty();
    }

    @Test
    void aRescanOfAnUnchangedTenantReadsNoItemAndOneListPagePerLibraryWithRecordings() {
        simulator = ScanHarness.clinic();
        Map<String, Object> settings = ScanHarness.h2(simulator, dataDir);
        ScanHarness.scan(settings);
        long librariesRead = simulator.requestLog().matching(ListItemFieldsTests::listDelta).stream()
                .map(e -> e.path()).distinct().count();
        simulator.requestLog().clear();

        ScanHarness.scan(settings);

        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).isEmpty();
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::listDelta)).hasSize((int) librariesRead)
                .allSatisfy(e -> assertThat(e.query()).startsWith("token="));
    }

    @Test
    void aColumnWrittenWithoutANewVersionIsReadOnTheNextScan() {
        simulator = ScanHarness.clinic();
        Map<String, Object> settings = ScanHarness.h2(simulator, dataDir);
        Finding missing = ScanHarness.scan(settings).stream()
                .filter(f -> f.type() == RecordingsCatalogue.RECORDING_WITHOUT_CONSENT_EVIDENCE).findFirst().orElseThrow();
        simulator.changes().updateFieldsWithoutNewVersion(missing.resource().driveId(), missing.resource().itemId(),
                Map.of("ConsentRecorded", "Yes"));
        simulator.requestLog().clear();

        List<Finding> open = ScanHarness.scan(settings);

        assertThat(open).extracting(Finding::id).doesNotContain(missing.id());
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).as("only that file read again")
                .extracting(e -> java.net.URLDecoder.decode(e.path(), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactly("/drives/" + missing.resource().driveId() + "/items/" + missing.resource().itemId());
    }

    @Test
    void aRecordingWhoseOnlyChangeIsItsSharingIsNotReadAgainAndKeepsItsClassification() {
        simulator = ScanHarness.clinic();
        Map<String, Object> settings = ScanHarness.asApp(ScanHarness.h2(simulator, dataDir), simulator, "Ward full control");
        List<Finding> before = ScanHarness.scan(settings);
        Finding recording = before.stream().filter(f -> f.type() == RecordingsCatalogue.RECORDING_WITHOUT_CONSENT_EVIDENCE)
                .findFirst().orElseThrow();
        simulator.changes().createLink(recording.resource().driveId(), recording.resource().itemId(), "view", "anonymous",
                null, false, List.of());
        simulator.requestLog().clear();

        List<Finding> after = ScanHarness.scan(settings);

        assertThat(simulator.requestLog().matching(e -> decoded(e.path()).startsWith("/drives/" + recording.resource().driveId())
                && e.path().endsWith("/delta") && e.status() == 200)).as("the drive's delta round ran").isNotEmpty();
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).as("nothing read again").isEmpty();
        assertThat(ids(after)).containsAll(ids(before));
        assertThat(after).filteredOn(f -> f.type() == org.ward.rules.sharing.SharingCatalogue.ANONYMOUS_LINK)
                .extracting(f -> f.resource().itemId()).contains(recording.resource().itemId());
    }

    @Test
    void readsItemByItemWhereGraphDoesNotServeListItemDeltaAndFindsTheSame() {
        simulator = ScanHarness.clinic();
        Set<String> global = ids(ScanHarness.scan(ScanHarness.h2(simulator, dataDir.resolve("global"))));
        simulator.close();
        simulator = Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/clinic.yaml")).latency(Latency.OFF)
                .cloud(NationalCloud.US_GOV_L4).start();

        Set<String> national = ids(ScanHarness.scan(ScanHarness.h2(simulator, dataDir.resolve("national"))));

        assertThat(simulator.requestLog().matching(ListItemFieldsTests::listDelta))
                .extracting(RequestLogEntry::status).containsOnly(400);
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).isNotEmpty();
        assertThat(national).isEqualTo(global);
    }

    @Test
    void theSettingOffReadsItemByItem() {
        simulator = ScanHarness.clinic();
        Map<String, Object> settings = new java.util.LinkedHashMap<>(ScanHarness.h2(simulator, dataDir));
        settings.put("ward.inventory.list-item-delta", "off");

        ScanHarness.scan(settings);

        assertThat(simulator.requestLog().matching(ListItemFieldsTests::listDelta)).isEmpty();
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).isNotEmpty();
    }

    @Test
    void aListCursorTheLibraryNoLongerHonoursIsReadAgainInFull() {
        simulator = ScanHarness.clinic();
        Map<String, Object> settings = ScanHarness.h2(simulator, dataDir);
        Set<String> first = ids(ScanHarness.scan(settings));
        simulator.tenant().read(() -> simulator.tenant().drives().stream().map(d -> d.id).toList())
                .forEach(driveId -> simulator.changes().invalidateListItemDeltaTokens(driveId));
        simulator.requestLog().clear();

        Set<String> again = ids(ScanHarness.scan(settings));

        List<RequestLogEntry> gone = simulator.requestLog().matching(e -> listDelta(e) && e.status() == 410);
        assertThat(gone).isNotEmpty();
        assertThat(simulator.requestLog().matching(e -> listDelta(e) && e.status() == 200 && !e.query().contains("token=")))
                .as("each refused library enumerated afresh").hasSameSizeAs(gone);
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).as("nothing differs, nothing is re-read")
                .isEmpty();
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aDriveCursorTheDriveNoLongerHonoursReadsBothFeedsInFull() {
        simulator = ScanHarness.clinic();
        Map<String, Object> settings = ScanHarness.h2(simulator, dataDir);
        Set<String> first = ids(ScanHarness.scan(settings));
        simulator.tenant().read(() -> simulator.tenant().drives().stream().map(d -> d.id).toList())
                .forEach(driveId -> simulator.changes().invalidateDeltaTokens(driveId));
        simulator.requestLog().clear();

        Set<String> again = ids(ScanHarness.scan(settings));

        assertThat(simulator.requestLog().matching(e -> e.path().startsWith("/drives/") && e.status() == 410)).isNotEmpty();
        // The list round is asked for beside the drive's first page, so a refused list token may be tried once first.
        assertThat(simulator.requestLog().matching(e -> listDelta(e) && e.status() == 200)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.query()).doesNotContain("token="));
        assertThat(simulator.requestLog().matching(ListItemFieldsTests::itemRead)).isEmpty();
        assertThat(again).isEqualTo(first);
    }

    static String decoded(String query) {
        return java.net.URLDecoder.decode(query == null ? "" : query, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Set<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::id).collect(Collectors.toSet());
    }
}
