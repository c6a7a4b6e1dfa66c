package org.ward.connector.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.audit.AuditEntry;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;

/** A compliance officer accepts a finding's risk, with a reason, until a date; after it the finding is open again. */
class RiskAcceptanceTests {

    static final LocalDate NEXT_MONTH = LocalDate.now(ZoneOffset.UTC).plusMonths(1);

    @TempDir
    Path dataDir;

    ClinicTenant clinic;
    ConfigurableApplicationContext context;
    Finding copy;

    @BeforeEach
    void scanTheClinic() {
        clinic = new ClinicTenant(dataDir);
        Map<String, Object> settings = clinic.settings(ClinicTenant.READ_ONLY, false);
        clinic.scan(settings);
        context = ScanHarness.start(settings);
        copy = ClinicTenant.only(context, CopiesCatalogue.TEMPORARY_COPY_IN_ONEDRIVE);
    }

    @AfterEach
    void stop() {
        context.close();
        clinic.close();
    }

    @Test
    void acceptedRiskKeepsWhoWhyAndUntilTheEndOfTheDay() {
        accept("Kept while the practice moves to the new recording system.");
        Finding accepted = context.getBean(FindingStore.class).find(copy.id());
        assertThat(accepted.status()).isEqualTo(FindingStatus.ACCEPTED_RISK);
        assertThat(accepted.acceptedBy()).isEqualTo("carol.compliance");
        assertThat(accepted.acceptedReason()).isEqualTo("Kept while the practice moves to the new recording system.");
        assertThat(accepted.acceptedUntil()).isEqualTo(NEXT_MONTH.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Test
    void decisionIsWrittenToTheAuditLog() {
        AuditEntry entry = accept("Kept while the practice moves to the new recording system.");
        assertThat(context.getBean(AuditLog.class).entriesFor(copy.id())).containsExactly(entry);
        assertThat(entry.action()).isEqualTo("accept-risk");
        assertThat(entry.actor()).isEqualTo("carol.compliance");
        assertThat(entry.request()).isNull();
        assertThat(entry.before()).isEqualTo("{\"status\":\"OPEN\"}");
        assertThat(entry.after()).contains("\"status\":\"ACCEPTED_RISK\"").contains("\"until\":\"" + NEXT_MONTH.plusDays(1));
    }

    @Test
    void reasonThatNamesAPatientIsKeptMasked() {
        accept("Patient 999 000 0018 asked us to keep it.");
        assertThat(context.getBean(FindingStore.class).find(copy.id()).acceptedReason())
                .doesNotContain("999 000 0018").contains("999 *** **18");
        assertThat(context.getBean(AuditLog.class).entries().get(0).after()).doesNotContain("000 0018");
    }

    @Test
    void findingIsOpenAgainOnceTheAcceptanceRunsOut() {
        accept("Kept while the practice moves to the new recording system.");
        Instant afterTheDate = NEXT_MONTH.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        context.getBean(FindingStore.class).reopenExpiredAcceptances(afterTheDate, 0);
        assertThat(context.getBean(FindingStore.class).find(copy.id()).status()).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void dateThatIsNotInTheFutureIsRefused() {
        assertThatThrownBy(() -> context.getBean(RiskAcceptance.class).accept(copy.id(), "carol.compliance", "because",
                LocalDate.now(ZoneOffset.UTC))).hasMessageContaining("is not in the future");
        assertThat(context.getBean(AuditLog.class).entries()).isEmpty();
    }

    @Test
    void reasonIsRequired() {
        assertThatThrownBy(() -> context.getBean(RiskAcceptance.class).accept(copy.id(), "carol.compliance", "  ",
                NEXT_MONTH)).hasMessage("Give the reason the risk is accepted (--reason).");
    }

    @Test
    void unknownFindingIsRefused() {
        assertThatThrownBy(() -> context.getBean(RiskAcceptance.class).accept("F-0000000000000000", "carol.compliance",
                "because", NEXT_MONTH)).hasMessageContaining("No finding has the id 'F-0000000000000000'");
    }

    private AuditEntry accept(String reason) {
        AuditEntry entry = context.getBean(RiskAcceptance.class).accept(copy.id(), "carol.compliance", reason, NEXT_MONTH);
        assertThat(entry.at()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        return entry;
    }
}
