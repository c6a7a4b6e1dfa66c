package org.ward.connector.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.ward.connector.findings.FindingStore;
import org.ward.connector.protect.PlannedLabel;
import org.ward.connector.protect.Protector;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Latency;

/**
 * ward protect on the demo tenant plans exactly what docs/demo-tenant.md lists under "What ward protect --demo plans";
 * after --apply and a rescan, the label findings it fixed are resolved and the others stay open.
 */
class DemoProtectionTests {

    @TempDir
    static Path dataDir;

    static Simulator simulator;
    static List<PlannedLabel> planned;
    static Map<String, FindingStatus> after = new java.util.HashMap<>();

    @BeforeAll
    static void scanPlanApplyAndRescan() throws InterruptedException {
        simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF).start();
        simulator.sensitivityLabelling().setCompletionDelay(Duration.ZERO);
        Map<String, Object> settings = ScanHarness.settings(simulator.info(), "jdbc:h2:file:" + dataDir.resolve("ward")
                + ";DB_CLOSE_ON_EXIT=FALSE", dataDir, DemoTenant.POLICY);
        settings.put("ward.protection.enabled", "true");
        settings.put("ward.protection.sensitivity-labels.cap-window", "PT2S");
        settings.put("ward.protection.sensitivity-labels.poll-interval", "PT0.02S");
        ScanHarness.scan(settings);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            planned = context.getBean(Protector.class).plan().plan().labels();
            Protector.Result applied = context.getBean(Protector.class).apply("demo", Duration.ofMinutes(1));
            assertThat(applied.outcome()).isEqualTo(Protector.Outcome.APPLIED);
        }
        ScanHarness.scan(settings);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            for (Finding f : context.getBean(FindingStore.class).all()) {
                after.put(f.id(), f.status());
            }
        }
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void protectPlansExactlyWhatTheDocumentLists() throws IOException {
        Set<String> actual = new TreeSet<>();
        for (PlannedLabel label : planned) {
            actual.add(row(label.decision().words() + " (" + label.target().words() + ")", label.placeUrl(), label.path(),
                    label.label()));
        }
        assertThat(actual).containsExactlyElementsOf(table());
    }

    @Test
    void afterApplyAndARescanTheLabelFindingsItFixedAreResolved() {
        List<String> fixed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (PlannedLabel label : planned) {
            (label.decision().change() ? fixed : left).add(label.findingId());
        }
        assertThat(fixed).isNotEmpty().allSatisfy(id -> assertThat(after.get(id)).as(id).isEqualTo(FindingStatus.RESOLVED));
        assertThat(left).isNotEmpty().allSatisfy(id -> assertThat(after.get(id)).as(id).isEqualTo(FindingStatus.OPEN));
    }

    private static Set<String> table() throws IOException {
        List<String> lines = Files.readAllLines(DemoTenantFindingsTests.DOC);
        int start = lines.indexOf("## What `ward protect --demo` plans");
        assertThat(start).as("docs/demo-tenant.md has a section on ward protect").isNotNegative();
        Set<String> rows = new TreeSet<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("| Change |")) {
                inTable = true;
                continue;
            }
            if (inTable && line.startsWith("|---")) {
                continue;
            }
            if (inTable && line.startsWith("|")) {
                String[] cells = line.substring(1, line.length() - 1).split("\\|");
                rows.add(row(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    private static String row(String change, String site, String path, String label) {
        return change + " | " + site + " | " + path + " | " + label;
    }
}
