package org.ward.connector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.scan.ScanService;
import org.ward.rules.facts.Location;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Latency;

/**
 * The demo tenant's scan finds exactly the findings docs/demo-tenant.md lists: a missing or an extra finding fails.
 * The document is the specification; this test reads its tables.
 */
class DemoTenantFindingsTests {

    static final Path DOC = Path.of("../docs/demo-tenant.md");

    @TempDir
    static Path dataDir;

    static Simulator simulator;
    static Set<String> actual;

    @BeforeAll
    static void scanTheDemo() {
        simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF).start();
        Map<String, Object> settings = ScanHarness.settings(simulator.info(), "jdbc:h2:file:" + dataDir.resolve("ward")
                + ";DB_CLOSE_ON_EXIT=FALSE", dataDir, DemoTenant.POLICY);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            long scanId = context.getBean(ScanService.class).scan().scanId();
            Map<String, Location> sites = context.getBean(LocationStore.class).locationsBySite(scanId);
            actual = new TreeSet<>();
            for (Finding f : context.getBean(FindingStore.class).all()) {
                if (f.status() == FindingStatus.OPEN) {
                    Location site = sites.get(f.resource().siteId());
                    actual.add(row(f.type().name(), site == null ? "?" : site.webUrl(),
                            f.resource().path() == null ? "-" : f.resource().path(), f.severity().yamlName()));
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void recordingFindingsAreExactlyThoseTheDocumentLists() throws IOException {
        assertTable("## Expected findings");
    }

    @Test
    void labelFindingsAreExactlyThoseTheDocumentLists() throws IOException {
        assertTable("## Expected label findings");
    }

    @Test
    void sharingAndCopyFindingsAreExactlyThoseTheDocumentLists() throws IOException {
        assertTable("## Expected sharing and copy findings");
    }

    private static void assertTable(String heading) throws IOException {
        Set<String> expected = table(heading);
        Set<String> types = new TreeSet<>();
        expected.forEach(r -> types.add(r.substring(0, r.indexOf(" | "))));
        Set<String> reported = new TreeSet<>();
        actual.stream().filter(r -> types.contains(r.substring(0, r.indexOf(" | ")))).forEach(reported::add);
        assertThat(reported).as("findings of " + types).containsExactlyElementsOf(expected);
    }

    /** Rows of the first table under the heading, as "TYPE | site | path | severity". */
    static Set<String> table(String heading) throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(heading);
        assertThat(start).as("docs/demo-tenant.md has a section " + heading).isNotNegative();
        Set<String> rows = new TreeSet<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| Type |")) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("|---")) {
                continue;
            }
            if (inTable && line.startsWith("|")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    cells.add(cell.strip());
                }
                rows.add(row(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    static String row(String type, String site, String path, String severity) {
        return type + " | " + site + " | " + path + " | " + severity;
    }
}
