package org.ward.connector.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTests {

    @TempDir
    Path dir;

    @Test
    void writesEveryFormatAndTheManifestWhenNoneIsNamed() throws Exception {
        List<Path> written = ReportFixtures.writer().write(ReportFixtures.data(ReportFixtures.sample()), dir, Set.of());

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("report.html", "findings.csv", "findings.json", "scan.json");
        assertThat(names()).containsExactlyInAnyOrder("report.html", "findings.csv", "findings.json", "scan.json");
    }

    @Test
    void writesOnlyTheNamedFormatsWithTheManifest() throws Exception {
        ReportFixtures.writer().write(ReportFixtures.data(ReportFixtures.sample()), dir,
                EnumSet.of(ReportFormat.CSV, ReportFormat.JSON));

        assertThat(names()).containsExactlyInAnyOrder("findings.csv", "findings.json", "scan.json");
    }

    @Test
    void createsAMissingFolderAndReplacesEarlierReports() throws Exception {
        Path nested = dir.resolve("reports/2026-03");
        Files.createDirectories(nested);
        Files.writeString(nested.resolve("findings.json"), "stale");

        ReportFixtures.writer().write(ReportFixtures.data(ReportFixtures.sample()), nested, EnumSet.of(ReportFormat.JSON));

        assertThat(Files.readString(nested.resolve("findings.json"))).startsWith("[");
        try (Stream<Path> files = Files.list(nested)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void readsFormatNamesWhateverTheirCase() {
        assertThat(ReportFormat.of("HTML")).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.of(" csv ")).isEqualTo(ReportFormat.CSV);
        assertThat(ReportFormat.of("json")).isEqualTo(ReportFormat.JSON);
    }

    @Test
    void namesTheChoicesForAnUnknownFormat() {
        assertThatThrownBy(() -> ReportFormat.of("pdf")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A report format is html, csv or json, not 'pdf'.");
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
