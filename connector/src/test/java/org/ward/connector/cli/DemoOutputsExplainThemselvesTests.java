package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.demo.DemoTenant;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.report.ReportData;
import org.ward.connector.report.ReportFormat;
import org.ward.connector.report.ReportWriter;
import org.ward.connector.report.ScanReports;
import org.ward.connector.report.SummaryText;
import org.ward.connector.scan.ScanHarness;
import org.ward.connector.scan.ScanService;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.facts.ClassificationEvidence;
import org.ward.rules.findings.Finding;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.Simulator;
import org.ward.simulator.throttle.Latency;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a person reads after scanning the demo tenant explains itself: every finding about a recording says why the
 * item is one, the reports name the tenant by its name, and nothing shows a Java map or record as Java prints it.
 */
class DemoOutputsExplainThemselvesTests {

    /** "{kind=consultation-video", "Finding[id=", "=[a, b]": what Map, record and list toString look like. */
    private static final List<Pattern> JAVA_SHAPES = List.of(Pattern.compile("\\{[^{}=\\n\"]{1,80}="),
            Pattern.compile("\\b[A-Z]\\w+\\[\\w+="),
            Pattern.compile("\\w=\\{"), Pattern.compile("\\w=\\[\\w"), Pattern.compile("@[0-9a-f]{6,8}\\b"));

    @TempDir
    static Path dataDir;
    @TempDir
    static Path reports;

    static Simulator simulator;
    static ConfigurableApplicationContext context;
    static List<Finding> findings;
    static List<String> summary;

    @BeforeAll
    static void scanTheDemoAndWriteItsReports() throws Exception {
        simulator = Simulator.builder().tenant(Simulator.TenantSource.demo()).latency(Latency.OFF).start();
        Map<String, Object> settings = ScanHarness.settings(simulator.info(), "jdbc:h2:file:" + dataDir.resolve("ward")
                + ";DB_CLOSE_ON_EXIT=FALSE", dataDir, DemoTenant.POLICY);
        context = ScanHarness.start(settings);
        long scanId = context.getBean(ScanService.class).scan().scanId();
        findings = context.getBean(FindingStore.class).all();
        summary = SummaryText.lines(context.getBean(ScanReports.class).summary(scanId).orElseThrow());
        ReportData data = context.getBean(ScanReports.class).reportData(scanId, Instant.now()).orElseThrow();
        new ReportWriter(context.getBean(IdentifierMasking.class)).write(data, reports, EnumSet.allOf(ReportFormat.class));
    }

    @AfterAll
    static void stop() {
        context.close();
        simulator.close();
    }

    @Test
    void everyFindingAboutARecordingCarriesWhyItIsOne() {
        List<Finding> aboutRecordings = findings.stream().filter(f -> f.resource().itemId() != null)
                .filter(f -> f.type() instanceof SharingCatalogue || f.type() instanceof CopiesCatalogue
                        || f.type() instanceof RecordingsCatalogue)
                .toList();

        assertThat(aboutRecordings).hasSizeGreaterThan(100);
        assertThat(aboutRecordings).allSatisfy(f -> {
            ClassificationEvidence evidence = f.classification().orElseThrow(() -> new AssertionError(f.id() + " " + f.type()));
            assertThat(evidence.recording()).isTrue();
            assertThat(evidence.kind()).isNotNull();
            assertThat(evidence.threshold()).isPositive();
            assertThat(evidence.signals()).isNotEmpty().allSatisfy(s -> assertThat(s.weight()).isPositive());
            assertThat(evidence.copyOf() != null || evidence.score() >= evidence.threshold()).isTrue();
        });
    }

    @Test
    void findingsJsonHasTheEvidenceStructuredAndTheCsvHasItAsOneSentence() throws Exception {
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(reports.resolve("findings.json")));
        JsonNode withEvidence = null;
        for (JsonNode finding : json) {
            if (finding.get("classification").isObject()) {
                withEvidence = finding;
                break;
            }
        }
        assertThat(withEvidence).isNotNull();
        assertThat(withEvidence.get("classification").get("signals").get(0).has("weight")).isTrue();
        assertThat(withEvidence.get("classification").get("threshold").asInt()).isEqualTo(60);
        assertThat(withEvidence.get("itemRef").asString()).matches("i-[0-9a-f]{8}");
        assertThat(withEvidence.get("details").has("classification")).isFalse();
        assertThat(Files.readString(reports.resolve("findings.csv"))).contains("Patient recording (").contains("score ");
    }

    @Test
    void reportsNameTheTenantByItsDisplayName() throws Exception {
        assertThat(summary.get(0)).contains("Upwell Health Centre (");
        assertThat(Files.readString(reports.resolve("report.html"))).contains("<title>Ward report \u2014 Upwell Health Centre (");
        assertThat(JsonMapper.builder().build().readTree(Files.readString(reports.resolve("scan.json"))).get("tenantName")
                .asString()).isEqualTo("Upwell Health Centre");
    }

    @Test
    void theReportSaysWhyInSentences() throws Exception {
        assertThat(Files.readString(reports.resolve("report.html"))).contains("<h4>Why it is a patient recording</h4>")
                .contains("and 60 is needed.");
    }

    @Test
    void noOutputShowsAJavaMapOrRecordToAPerson() throws Exception {
        List<String> outputs = new ArrayList<>();
        outputs.add(String.join("\n", summary));
        outputs.add(visibleText(Files.readString(reports.resolve("report.html"))));
        outputs.add(Files.readString(reports.resolve("findings.csv")));
        outputs.add(CommandRun.of(context, new FindingsCommand(), "--status", "all").out());
        outputs.add(CommandRun.of(context, new RemediateCommand(), findings.get(0).id()).out());

        for (String output : outputs) {
            for (Pattern shape : JAVA_SHAPES) {
                assertThat(shape.matcher(output).results().map(r -> around(output, r.start())).toList())
                        .as("%s in an output", shape).isEmpty();
            }
        }
    }

    @Test
    void theStagesAfterEvaluationShowTheirOwnPhase() {
        // The last stage to begin is identity's sign-in read, not "evaluating recordings" (issue 11 §5).
        assertThat(context.getBean(org.ward.connector.runs.StageProgress.class).snapshot().phase())
                .startsWith("identity: ").doesNotContain("evaluating recordings");
    }

    @Test
    void wardFindingsSaysWhyEachRecordingIsOne() {
        String out = CommandRun.of(context, new FindingsCommand(), "--type", "ANONYMOUS_LINK").out();

        assertThat(out).contains("  Why a recording: Patient recording (").contains("(item i-");
    }

    /** The page's text as a person sees it: tags, the script and the style left out. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<style.*?</style>", "")
                .replaceAll("<[^>]+>", " ");
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
    }
}
