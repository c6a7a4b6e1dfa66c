package org.ward.connector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;

/** Defence in depth: even if the store let an identifier through, no report file shows it in clear. */
class ReportMaskingTests {

    private static final List<String> CLEAR = List.of("9434765919", "943 476 5919", "943-476-5919", "943%20476%205919",
            "9434765870");

    @TempDir
    Path dir;

    @Test
    void noReportFileShowsAPatientIdentifierInClear() throws Exception {
        ReportFixtures.FindingBuilder leaky = ReportFixtures.finding("a1", RecordingsCatalogue.RECORDING_OUTSIDE_APPROVED_LOCATION);
        leaky.title = "Consultation 9434765919 kept outside an approved location";
        leaky.path = "/Consultations/943 476 5919/knee.mp4";
        leaky.webUrl = "https://upwell.sharepoint.com/sites/clinic/Shared%20Documents/943%20476%205919";
        leaky.reasons = List.of("file name holds NHS number 943-476-5919", "folder 9434765870");
        leaky.owner = "owner of 9434765919";
        leaky.details = Map.of("identifier", "9434765919", "asNumber", 9434765919L, "list", List.of("943 476 5919"));
        ReportFixtures.FindingBuilder accepted = ReportFixtures.finding("b2", SharingCatalogue.LINK_WITHOUT_EXPIRY);
        accepted.status = FindingStatus.ACCEPTED_RISK;
        accepted.acceptedBy = "dpo@upwell.example";
        accepted.acceptedReason = "patient 9434765919 asked for the link";
        ReportData data = ReportFixtures.data(List.of(leaky.build(), accepted.build()),
                ReportFixtures.run(2, ReportFixtures.POLICY.contentHash(), List.of("folder 9434765919 could not be read")),
                Map.of(ReportFixtures.CLINIC, "Clinic 943 476 5919"));

        Map<String, String> files = ReportFixtures.writeAll(data, dir);

        files.forEach((name, text) -> {
            for (String clear : CLEAR) {
                assertThat(text).as(name + " must not hold " + clear).doesNotContain(clear);
            }
            assertThat(text).as(name + " shows the identifier masked").contains("943 *** **19");
        });
    }

    @Test
    void keepsWardsOwnFindingIdsIntactEvenWhenTheyHoldTenDigits() throws Exception {
        String id = "F-a9434765919bcde0";
        ReportFixtures.FindingBuilder finding = ReportFixtures.finding(id.substring(2), SharingCatalogue.ANONYMOUS_LINK);

        Map<String, String> files = ReportFixtures.writeAll(ReportFixtures.data(List.of(finding.build())), dir);

        assertThat(files.get("findings.json")).contains("\"id\" : \"" + id + "\"");
        assertThat(files.get("findings.csv")).contains(id + ",");
        assertThat(files.get("report.html")).contains("<tr id=\"" + id + "\"");
    }
}
