package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.remediate.ClinicTenant;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.findings.Finding;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ward findings: the register filtered, and a site owner's own list. */
class FindingsCommandTests {

    static Path dataDir;
    static ClinicTenant clinic;
    static ConfigurableApplicationContext context;

    @BeforeAll
    static void scanTheClinic() throws Exception {
        dataDir = Files.createTempDirectory("ward-findings-command");
        clinic = new ClinicTenant(dataDir);
        var settings = clinic.settings(ClinicTenant.READ_ONLY, false);
        clinic.scan(settings);
        context = ScanHarness.start(settings);
    }

    @AfterAll
    static void stop() {
        context.close();
        clinic.close();
    }

    @Test
    void ownerSeesOnlyTheirOpenFindingsWhateverTheCase() {
        CommandRun run = CommandRun.of(context, new FindingsCommand(), "--owner", "ADA.Lovelace@SmallClinic.nhs.uk");
        List<Finding> theirs = ScanHarness.open(context).stream()
                .filter(f -> f.owner() != null && f.owner().contains("ada.lovelace@smallclinic.nhs.uk")).toList();
        assertThat(theirs).isNotEmpty();
        assertThat(run.exitCode()).isZero();
        theirs.forEach(f -> assertThat(run.out()).contains(f.id()));
        assertThat(run.out()).contains(theirs.size() + " findings (open, owned by ADA.Lovelace@SmallClinic.nhs.uk).");
        assertThat(run.out().lines().filter(line -> line.startsWith("F-"))).hasSize(theirs.size());
    }

    @Test
    void someoneWhoOwnsNothingSeesNothing() {
        CommandRun run = CommandRun.of(context, new FindingsCommand(), "--owner", "nobody@smallclinic.nhs.uk");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("F-").contains("0 findings");
    }

    @Test
    void anOwnerFilterHoldingAPatientIdentifierIsEchoedMasked() {
        CommandRun run = CommandRun.of(context, new FindingsCommand(), "--owner", "999 000 0018");
        assertThat(run.out()).contains("owned by 999 *** **18").doesNotContain("000 0018");
    }

    @Test
    void eachFindingSaysWhatWardCanDoAboutIt() {
        String out = CommandRun.of(context, new FindingsCommand(), "--type", "anonymous-link").out();
        Finding link = ScanHarness.open(context).stream().filter(f -> f.type().name().equals("ANONYMOUS_LINK")).findFirst()
                .orElseThrow();
        assertThat(out).contains("Ward can: remove-link (ward remediate " + link.id() + ")").contains("1 finding (open).");
    }

    @Test
    void jsonListsOwnersAndTheRulesRemediation() {
        JsonNode rows = JsonMapper.builder().build().readTree(CommandRun.of(context, new FindingsCommand(), "--format", "json",
                "--type", "COPY_LEFT_AFTER_UPLOAD").out());
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.get(0).path("owners").get(0).asString()).isEqualTo("ada.lovelace@smallclinic.nhs.uk");
        assertThat(rows.get(0).path("wardCan").asString()).isEqualTo("tell-owner");
        assertThat(rows.get(0).path("remediation").asString()).isNotBlank();
    }

    @Test
    void severityFilterKeepsOnlyThatSeverity() {
        JsonNode rows = JsonMapper.builder().build().readTree(CommandRun.of(context, new FindingsCommand(), "--format", "json",
                "--severity", "high").out());
        long high = context.getBean(FindingStore.class).open().stream().filter(f -> f.severity().yamlName().equals("high"))
                .count();
        assertThat(rows.size()).isEqualTo((int) high);
        rows.forEach(row -> assertThat(row.path("severity").asString()).isEqualTo("high"));
    }

    @Test
    void noPatientIdentifierIsPrinted() {
        String out = CommandRun.of(context, new FindingsCommand(), "--status", "all").out();
        assertThat(out).contains("999 *** **18").doesNotContain("999 000 0018").doesNotContain("9990000018");
    }

    @Test
    void aFindingWithoutAUrlNeverSaysInNull() {
        assertThat(FindingsCommand.where("alice@clinic.nhs.uk", null)).isEqualTo("alice@clinic.nhs.uk");
        assertThat(FindingsCommand.where(null, "https://clinic.sharepoint.com/sites/R")).isEqualTo("https://clinic.sharepoint.com/sites/R");
        assertThat(FindingsCommand.where(null, null)).isEqualTo("the tenant as a whole");
        assertThat(FindingsCommand.where("/a.mp4", "https://x/y")).isEqualTo("/a.mp4 in https://x/y");
        assertThat(CommandRun.of(context, new FindingsCommand(), "--status", "all").out()).doesNotContain("null");
    }

    @Test
    void unknownStatusNamesTheChoices() {
        assertThatThrownBy(() -> new CommandLine(new FindingsCommand()).parseArgs("--status", "closed"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--status takes open, resolved, accepted-risk, all, not 'closed'.");
    }
}
