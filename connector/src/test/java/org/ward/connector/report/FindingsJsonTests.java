package org.ward.connector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FindingsJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void writesOneObjectPerFindingWithExactlyTheContractFieldsInOrder() throws Exception {
        JsonNode findings = findings();
        List<String> contract = Files.readAllLines(Path.of("src/test/resources/report/finding-fields.txt")).stream()
                .filter(line -> !line.isBlank()).toList();

        assertThat(findings.isArray()).isTrue();
        assertThat(findings.size()).isEqualTo(ReportFixtures.sample().size());
        for (JsonNode finding : findings) {
            assertThat(new ArrayList<>(finding.propertyNames())).containsExactlyElementsOf(contract);
        }
        assertThat(FindingFields.NAMES).containsExactlyElementsOf(contract);
    }

    @Test
    void writesSeverityAndStatusInLowerCase() throws Exception {
        JsonNode findings = findings();

        assertThat(byId(findings, "a1").get("severity").asString()).isEqualTo("critical");
        assertThat(byId(findings, "a1").get("status").asString()).isEqualTo("open");
        assertThat(byId(findings, "c3").get("status").asString()).isEqualTo("resolved");
        assertThat(byId(findings, "d4").get("status").asString()).isEqualTo("accepted-risk");
        assertThat(byId(findings, "a1").get("type").asString()).isEqualTo("ANONYMOUS_LINK");
    }

    @Test
    void writesTimesAsIsoInstantsInUtc() throws Exception {
        JsonNode accepted = byId(findings(), "d4");

        assertThat(accepted.get("firstSeen").asString()).isEqualTo("2026-03-01T09:00:00Z");
        assertThat(accepted.get("lastSeen").asString()).isEqualTo("2026-03-02T09:04:30Z");
        // Recorded before the day was kept: the last day is the UTC day before the acceptance ends.
        assertThat(accepted.get("acceptedUntil").asString()).isEqualTo("2026-06-29");
        assertThat(accepted.get("acceptedUntilZone").asString()).isEqualTo("UTC");
        assertThat(accepted.get("resolvedAt").isNull()).isTrue();
    }

    @Test
    void carriesReasonsAsAnArrayAndDetailsAsAnObject() throws Exception {
        JsonNode awkward = byId(findings(), "b2");

        assertThat(awkward.get("reasons").isArray()).isTrue();
        assertThat(awkward.get("reasons").get(0).asString()).isEqualTo("first line\nsecond line");
        assertThat(awkward.get("details").isObject()).isTrue();
        assertThat(awkward.get("details").get("recordingKind").asString()).isEqualTo("consultation-video");
    }

    @Test
    void carriesTheResourceTheOwnerAndWhoAcceptedTheRisk() throws Exception {
        JsonNode accepted = byId(findings(), "d4");

        assertThat(accepted.get("siteId").asString()).isEqualTo(ReportFixtures.CLINIC);
        assertThat(accepted.get("driveId").asString()).isEqualTo("b!drive-clinic");
        assertThat(accepted.get("webUrl").asString()).startsWith("https://upwell.sharepoint.com/sites/clinic/");
        assertThat(accepted.get("path").asString()).isEqualTo("/Consultations/2026-02-11 knee review.mp4");
        assertThat(accepted.get("owner").asString()).isEqualTo("clinic-owners@upwell.example");
        assertThat(accepted.get("acceptedBy").asString()).isEqualTo("dpo@upwell.example");
        assertThat(accepted.get("acceptedReason").asString()).startsWith("Shared with the orthopaedic service");
        assertThat(accepted.get("ruleId").asString()).isNotBlank();
    }

    @Test
    void writesTheRunManifestWithPolicyHashCoverageGapsAndCounts() throws Exception {
        ReportFixtures.writeAll(ReportFixtures.data(ReportFixtures.sample()), dir);
        JsonNode scan = JSON.readTree(Files.readString(dir.resolve("scan.json")));

        assertThat(scan.get("scanId").asLong()).isEqualTo(2);
        assertThat(scan.get("tenantId").asString()).isEqualTo("7f1c2d3e-upwell");
        assertThat(scan.get("startedAt").asString()).isEqualTo("2026-03-02T09:00:00Z");
        assertThat(scan.get("finishedAt").asString()).isEqualTo("2026-03-02T09:04:30Z");
        assertThat(scan.get("policy").get("id").asString()).isEqualTo("nhs-england");
        assertThat(scan.get("policy").get("contentHash").asString()).isEqualTo(ReportFixtures.POLICY.contentHash());
        assertThat(scan.get("coverage").get("recordings").asLong()).isEqualTo(37);
        assertThat(scan.get("graph").get("throttled").asLong()).isEqualTo(3);
        assertThat(scan.get("graph").get("throttledWaitSeconds").asDouble()).isEqualTo(2.0);
        assertThat(scan.get("graph").get("retries").asLong()).isEqualTo(5);
        assertThat(scan.get("graph").get("faults").asLong()).isEqualTo(1);
        assertThat(scan.get("graph").get("runs").asLong()).isEqualTo(1);
        assertThat(scan.get("complete").asBoolean()).isTrue();
        assertThat(scan.get("notCoveredOrNotEvaluated").size()).isEqualTo(2);
        assertThat(scan.get("findings").get("open").asLong()).isEqualTo(3);
        assertThat(scan.get("findings").get("accepted-risk").asLong()).isEqualTo(1);
        assertThat(scan.get("findings").get("openBySeverity").get("critical").asInt()).isEqualTo(1);
        assertThat(scan.get("findings").get("openByTypeAndSeverity").get("ANONYMOUS_LINK").get("critical").asInt())
                .isEqualTo(1);
        assertThat(scan.get("findings").get("newSinceLastScan").asInt()).isEqualTo(1);
    }

    @Test
    void manifestCarriesTheSha256OfEachReportFile() throws Exception {
        ReportFixtures.writeAll(ReportFixtures.data(ReportFixtures.sample()), dir);
        JsonNode files = JSON.readTree(Files.readString(dir.resolve("scan.json"))).get("files");

        for (String name : List.of("findings.json", "findings.csv", "report.html")) {
            byte[] bytes = Files.readAllBytes(dir.resolve(name));
            String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(files.get(name).asString()).as(name).isEqualTo(expected);
        }
    }

    @Test
    void writesAnEmptyArrayWhenTheRegisterIsEmpty() throws Exception {
        ReportFixtures.writer().write(ReportFixtures.data(List.of()), dir, java.util.Set.of(ReportFormat.JSON));

        assertThat(JSON.readTree(Files.readString(dir.resolve("findings.json"), StandardCharsets.UTF_8)).size()).isZero();
    }

    private JsonNode findings() throws IOException {
        Map<String, String> files = ReportFixtures.writeAll(ReportFixtures.data(ReportFixtures.sample()), dir);
        return JSON.readTree(files.get("findings.json"));
    }

    private static JsonNode byId(JsonNode findings, String hexId) {
        String id = "F-" + "0".repeat(16 - hexId.length()) + hexId;
        for (JsonNode finding : findings) {
            if (finding.get("id").asString().equals(id)) {
                return finding;
            }
        }
        throw new AssertionError("no finding " + id);
    }
}
