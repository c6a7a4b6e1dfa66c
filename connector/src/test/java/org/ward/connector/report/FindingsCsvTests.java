package org.ward.connector.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.rules.findings.Finding;
import org.ward.rules.recordings.RecordingsCatalogue;

class FindingsCsvTests {

    @TempDir
    Path dir;

    @Test
    void writesAHeaderRowAndOneRecordPerFindingWithTheJsonFields() throws Exception {
        List<List<String>> records = records(ReportFixtures.sample());

        assertThat(records).hasSize(1 + ReportFixtures.sample().size());
        assertThat(records.get(0)).containsExactlyElementsOf(FindingFields.NAMES);
        assertThat(records).allSatisfy(record -> assertThat(record).hasSize(FindingFields.NAMES.size()));
    }

    @Test
    void isUtf8WithAByteOrderMarkForExcel() throws Exception {
        ReportFixtures.FindingBuilder accented = ReportFixtures.finding("f6", RecordingsCatalogue.RECORDING_PAST_RETENTION);
        accented.owner = "Zoë Müller";
        write(List.of(accented.build()));
        byte[] bytes = Files.readAllBytes(dir.resolve("findings.csv"));

        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Zoë Müller");
    }

    @Test
    void quotesFieldsHoldingCommasQuotesAndLineBreaksAndDoublesTheQuotes() throws Exception {
        write(ReportFixtures.sample());
        String csv = Files.readString(dir.resolve("findings.csv"));
        List<String> awkward = row(CsvRecords.parse(csv.substring(1)), "b2");

        assertThat(csv).contains("\"Recording \"\"knee, left\"\" outside an approved location\"");
        assertThat(field(awkward, "title")).isEqualTo("Recording \"knee, left\" outside an approved location");
        assertThat(field(awkward, "reasons")).isEqualTo("first line\nsecond line | a \"quoted\" reason, with a comma");
    }

    @Test
    void guardsCellsThatASpreadsheetWouldRunAsFormulas() throws Exception {
        List<String> formulas = row(records(ReportFixtures.sample()), "e5");

        assertThat(field(formulas, "title")).isEqualTo("'=HYPERLINK(\"https://evil.example\",\"click\")");
        assertThat(field(formulas, "reasons")).isEqualTo("'@SUM(1+1)");
        assertThat(field(formulas, "path")).isEqualTo("'-2+3");
        assertThat(field(formulas, "owner")).isEqualTo("'+44 20 7946 0000");
        assertThat(FindingsCsv.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(FindingsCsv.cell("\rcmd")).isEqualTo("\"'\rcmd\"");
        assertThat(FindingsCsv.cell("plain text")).isEqualTo("plain text");
    }

    @Test
    void writesDetailsAsCompactJsonAndEmptyCellsForMissingValues() throws Exception {
        List<List<String>> records = records(ReportFixtures.sample());
        List<String> hostile = row(records, "a1");
        List<String> open = row(records, "b2");

        assertThat(field(hostile, "details")).startsWith("{").doesNotContain("\n").contains("\"link\":\"anonymous, view\"");
        assertThat(field(open, "resolvedAt")).isEmpty();
        assertThat(field(open, "acceptedBy")).isEmpty();
        assertThat(field(open, "severity")).isEqualTo("high");
        assertThat(field(row(records, "d4"), "status")).isEqualTo("accepted-risk");
    }

    private List<List<String>> records(List<Finding> findings) throws IOException {
        write(findings);
        String csv = Files.readString(dir.resolve("findings.csv"));
        assertThat(csv).startsWith(FindingsCsv.BOM);
        return CsvRecords.parse(csv.substring(1));
    }

    private void write(List<Finding> findings) throws IOException {
        ReportFixtures.writer().write(ReportFixtures.data(findings), dir, Set.of(ReportFormat.CSV));
    }

    private static List<String> row(List<List<String>> records, String hexId) {
        String id = "F-" + "0".repeat(16 - hexId.length()) + hexId;
        return records.stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
    }

    private static String field(List<String> record, String name) {
        return record.get(FindingFields.NAMES.indexOf(name));
    }
}
