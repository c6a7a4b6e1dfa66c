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
    void unknownFindingIsAUsageError() {
        CommandRun run = accept("F-0000000000000000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No finding has the id 'F-0000000000000000'");
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
                "--until", NEXT_MONTH, "--by", "carol");
    }
}
