package org.ward.connector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.connector.demo.DemoTenant;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.scan.ScanService;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Latency;

/**
 * A scan of the demo tenant finds exactly the identity findings docs/demo-tenant.md lists under "Expected identity
 * findings": a missing or an extra one fails. The document is the specification; this test reads its table.
 */
class DemoIdentityFindingsTests {

    static final Path DOC = Path.of("../docs/demo-tenant.md");
    static final String HEADING = "## Expected identity findings";

    @TempDir
    static Path dataDir;

    static Simulator simulator;
    static List<String> actual;
    static List<String> gaps;

    @BeforeAll
    static void scanTheDemo() {
        simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF).start();
        Map<String, Object> settings = IdentityHarness.with(IdentityHarness.settings(simulator, dataDir, 0),
                "ward.policy.pack", DemoTenant.POLICY);
        try (ConfigurableApplicationContext context = WardApplication.run(settings)) {
            long scanId = context.getBean(ScanService.class).scan().scanId();
            actual = context.getBean(FindingStore.class).all().stream()
                    .filter(f -> f.status() == FindingStatus.OPEN && IdentityScanIntegrationTests.IDENTITY.contains(f.type()))
                    .map(DemoIdentityFindingsTests::row).sorted().toList();
            gaps = context.getBean(ScanRuns.class).find(scanId).orElseThrow().gaps();
        }
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    static String row(Finding f) {
        return f.type().name() + " | " + (f.resource().siteId() == null ? "-" : f.resource().siteId()) + " | "
                + f.resource().path() + " | " + f.severity().yamlName();
    }

    @Test
    void identityFindingsAreExactlyThoseTheDocumentLists() throws IOException {
        assertThat(actual).containsExactlyElementsOf(table());
    }

    @Test
    void everyIdentityCheckRunsOnTheDemoTenant() {
        assertThat(gaps).noneMatch(g -> g.startsWith("Not run"));
    }

    /** Rows of the table under the heading, as "TYPE | site | path | severity", sorted. */
    static List<String> table() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(HEADING);
        assertThat(start).as("docs/demo-tenant.md has a section " + HEADING).isNotNegative();
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| Type |")) {
                inTable = true;
            } else if (inTable && line.startsWith("|") && !line.startsWith("|---")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    cells.add(cell.strip());
                }
                rows.add(String.join(" | ", cells.subList(0, 4)));
            } else if (inTable && !line.startsWith("|")) {
                break;
            }
        }
        return rows.stream().sorted().toList();
    }
}
