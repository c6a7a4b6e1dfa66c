package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ward.connector.remediate.ClinicTenant;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.copies.CopiesCatalogue;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** ward accept-risk records a decision; ward audit lists it and checks the chain. */
class AcceptRiskAndAuditCommandTests {

    static final String NEXT_MONTH = LocalDate.now(ZoneOffset.UTC).plusMonths(1).toString();

    @TempDir
    Path dataDir;

    ClinicTenant clinic;
    ConfigurableApplicationContext context;
    String copyId;

    @BeforeEach
    void scanTheClinic() {
        clinic = new ClinicTenant(dataDir);
        var settings = clinic.settings(ClinicTenant.READ_ONLY, false);
        clinic.scan(settings);
        context = ScanHarness.start(settings);
        copyId = ClinicTenant.only(context, CopiesCatalogue.TEMPORARY_COPY_IN_ONEDRIVE).id();
    }

    @AfterEach
    void stop() {
        context.close();
        clinic.close();
    }

    @Test
    void acceptedRiskSaysUntilWhenAndWhereItIsRecorded() {
        CommandRun run = accept(copyId);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(copyId + " is accepted-risk through " + NEXT_MONTH + " (UTC), by carol.")
                .contains("Recorded in the audit log as entry #1.");
    }

    @Test
    void acceptedRiskIsListedAsSuch() {
        accept(copyId);
        assertThat(CommandRun.of(context, new FindingsCommand(), "--status", "accepted-risk").out())
                .contains(copyId).contains("accepted-risk until ").contains("1 finding (accepted-risk).");
    }

    @Test
    void theDayTypedIsTheDayStoredAndShownWhateverTheZone() {
        // The reported bug: --until 2027-03-31 came back as 2027-04-01. West of UTC the day ends after UTC's does, east
        // of it before; either way the day typed is the day kept and shown.
        String day = LocalDate.now(ZoneOffset.UTC).plusMonths(2).withDayOfMonth(28).toString();
        for (String zone : new String[] {"America/Los_Angeles", "Australia/Sydney"}) {
            CommandRun run = CommandRun.of(context, new AcceptRiskCommand(), copyId, "--reason", "Pathway moves in spring.",
                    "--until", day, "--zone", zone, "--by", "carol");

            assertThat(run.out()).contains("is accepted-risk through " + day + " (" + zone + ")");
            var finding = context.getBean(org.ward.connector.findings.FindingStore.class).find(copyId);
            assertThat(finding.acceptedThrough()).hasToString(day);
            assertThat(finding.acceptedUntil()).isEqualTo(LocalDate.parse(day).plusDays(1).atStartOfDay(java.time.ZoneId.of(zone))
                    .toInstant());
            assertThat(CommandRun.of(context, new FindingsCommand(), "--status", "accepted-risk").out())
                    .contains("accepted-risk until " + day).contains("through " + day + " (" + zone + ")");
        }
    }

    @Test
    void anAcceptorNamedWithAPatientIdentifierIsShownAndAuditedMasked() {
        CommandRun run = CommandRun.of(context, new AcceptRiskCommand(), copyId, "--reason", "Pathway moves in spring.",
                "--until", NEXT_MONTH, "--by", "clerk for 999 000 0018");

        assertThat(run.out()).contains("by clerk for 999 *** **18.").doesNotContain("000 0018");
        assertThat(CommandRun.of(context, new AuditCommand(), "--format", "json").out())
                .contains("\"actor\" : \"clerk for 999 *** **18\"").doesNotContain("000 0018");
    }

    @Test
    void aZoneThatIsNotOneSaysHowToWriteOne() {
        assertThatThrownBy(() -> new CommandLine(new AcceptRiskCommand()).parseArgs(copyId, "--reason", "r", "--until",
                NEXT_MONTH, "--zone", "Mars/Olympus")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("Europe/London");
    }

    @Test
    void unknownFindingIsAUsageError() {
        CommandRun run = accept("F-0000000000000000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No finding has the id 'F-0000000000000000'");
    }

    @Test
    void anIdThatIsNotAFindingsIsRefusedWithoutRepeatingWhatWasTyped() {
        CommandRun run = accept("999 000 0018");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("That is not a finding id (an id is F- and 16 hex digits").doesNotContain("0018");
    }

    @Test
    void dateThatIsNotADateSaysHowToWriteOne() {
        assertThatThrownBy(() -> new CommandLine(new AcceptRiskCommand()).parseArgs(copyId, "--reason", "r", "--until",
                "next month")).isInstanceOf(ParameterException.class).hasMessageContaining("write it as YYYY-MM-DD");
    }

    @Test
    void auditListsTheDecision() {
        accept(copyId);
        CommandRun run = CommandRun.of(context, new AuditCommand(), "--finding", copyId);
        assertThat(run.out()).containsPattern("#1  \\S+Z  carol  " + copyId + "  accept-risk  applied").contains("1 entry.");
    }

    @Test
    void verifyOfAnUntouchedLogExits0() {
        accept(copyId);
        CommandRun run = CommandRun.of(context, new AuditCommand(), "--verify");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("The audit log's one entry is an unbroken hash chain, keyed with audit key ")
                .contains("the append-only trigger is in place");
    }

    @Test
    void verifyOfATamperedLogExits1() {
        accept(copyId);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.execute("DROP TRIGGER ward_audit_append_only");
        jdbc.update("UPDATE ward_audit SET actor = 'mallory'");
        CommandRun run = CommandRun.of(context, new AuditCommand(), "--verify");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("entry #1 does not fit the chain").contains("the trigger that keeps ward_audit"
                + " append-only is missing");
        jdbc.execute("CREATE TRIGGER ward_audit_append_only BEFORE UPDATE, DELETE ON ward_audit FOR EACH ROW CALL"
                + " 'org.ward.connector.audit.AppendOnlyTrigger'");
    }

    private CommandRun accept(String id) {
        return CommandRun.of(context, new AcceptRiskCommand(), id, "--reason", "Moving to the new system in March.",
                "--until", NEXT_MONTH, "--zone", "UTC", "--by", "carol");
    }
}
