package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.connector.scan.ScanHarness;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Latency;

/**
 * No patient identifier in clear text, whatever its spelling: a tenant whose NHS numbers are written with dots,
 * non-breaking, thin and ideographic spaces, full-width and Arabic-Indic digits, underscores, zero-width spaces, soft
 * hyphens and dashes is scanned and reported, and every output — the console, the log, every report file, every
 * column of every table in the database — is searched for any of those numbers in any spelling.
 */
class PatientIdentifierLeakTests {

    /** The numbers the fixture plants, one per spelling. */
    static final List<String> PLANTED = List.of("5738563913", "4809865347", "6119692495", "7494677860", "4259235788",
            "4388889342", "6876994619", "4505356825", "5963277434", "7128819312", "6724274869", "5152652099",
            "4201303314", "4461425711", "6328117558");

    @TempDir
    Path dir;

    @Test
    void noOutputHoldsAPlantedIdentifierInAnySpelling() throws Exception {
        String fixture = tools.jackson.dataformat.yaml.YAMLMapper.builder().build()
                .readTree(Path.of("src/test/resources/tenants/spellings.yaml").toFile()).toString();
        assertThat(planted(fixture))
                .as("the fixture plants every number (the search would find a leak)").containsExactlyInAnyOrderElementsOf(PLANTED);
        Map<String, String> outputs = new LinkedHashMap<>();
        Path data = dir.resolve("data");
        try (Simulator simulator = Simulator.builder().tenant(Simulator.TenantSource.resource("/tenants/spellings.yaml"))
                .latency(Latency.OFF).start()) {
            Path config = config(simulator, data);
            String c = config.toString();
            outputs.put("scan", ward("scan", "--config", c, "--report-dir", dir.resolve("reports").toString()));
            outputs.put("findings", ward("findings", "--config", c, "--status", "all"));
            outputs.put("findings --format json", ward("findings", "--config", c, "--status", "all", "--format", "json"));
            outputs.put("report", ward("report", "--config", c, "--out", dir.resolve("report").toString()));
            outputs.put("audit", ward("audit", "--config", c));
            outputs.put("inventory", ward("inventory", "--config", c));
        }
        assertThat(outputs.get("scan")).contains("Open findings");
        outputs.put("ward.log", Files.readString(data.resolve("ward.log")));
        for (Path report : files(dir.resolve("reports"), dir.resolve("report"))) {
            outputs.put(report.toString(), Files.readString(report));
        }
        outputs.putAll(database(data));
        Map<String, List<String>> leaks = new LinkedHashMap<>();
        outputs.forEach((where, text) -> {
            if (!planted(text).isEmpty()) {
                leaks.put(where, planted(text));
            }
        });
        assertThat(leaks).as("identifiers in clear, by output").isEmpty();
    }

    /** The planted numbers found in {@code text}, read the way a person (or a search) would, whatever the spelling. */
    static List<String> planted(String text) {
        StringBuilder read = new StringBuilder();
        String decoded = percentDecoded(text);
        decoded.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.FORMAT) {
                return;
            }
            if (Character.isDigit(cp)) {
                read.append(Character.digit(cp, 10));
                return;
            }
            String compatible = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
            boolean separator = compatible.length() == 1 && (Character.isSpaceChar(compatible.charAt(0))
                    || ".-_\u00B7\u2013\u2014\u2212".indexOf(compatible.charAt(0)) >= 0);
            if (!separator) {
                read.append(compatible);
            }
        });
        return PLANTED.stream().filter(n -> read.indexOf(n) >= 0).toList();
    }

    private static String percentDecoded(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '%' && i + 2 < text.length() && Character.digit(text.charAt(i + 1), 16) >= 0
                    && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(ch);
        }
        return out.append(bytes.toString(StandardCharsets.UTF_8)).toString();
    }

    /** Every value of every column of every table, read straight from the H2 file, by table. */
    private static Map<String, String> database(Path data) throws Exception {
        Map<String, String> all = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("ward") + ";ACCESS_MODE_DATA=r",
                "sa", ""); Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("WARD_ITEM", "WARD_FINDING", "WARD_LOCATION");
            for (String table : tables) {
                StringBuilder rows = new StringBuilder();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            rows.append(rs.getMetaData().getColumnName(i)).append('=').append(rs.getString(i)).append('\n');
                        }
                    }
                }
                all.put("database table " + table, rows.toString());
            }
        }
        return all;
    }

    private static List<Path> files(Path... folders) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).forEach(found::add);
            }
        }
        assertThat(found).extracting(p -> p.getFileName().toString()).contains("report.html", "findings.csv",
                "findings.json", "scan.json");
        return found;
    }

    private String ward(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8), false);
        int code = new WardCli(console).run(args);
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(String.join(" ", args) + ": " + said).isIn(0, 3);
        return said;
    }

    private Path config(Simulator simulator, Path data) throws IOException {
        Map<String, Object> settings = new LinkedHashMap<>(ScanHarness.h2(simulator, data));
        settings.remove("spring.datasource.url");
        settings.remove("logging.file.name");
        settings.put("ward.policy.pack", Path.of(ScanHarness.CLINIC_POLICY).toAbsolutePath().toString());
        List<String> lines = new ArrayList<>();
        settings.forEach((k, v) -> lines.add(k + "=" + String.valueOf(v).replace("\\", "\\\\")));
        return Files.write(dir.resolve("ward.properties"), lines);
    }
}
