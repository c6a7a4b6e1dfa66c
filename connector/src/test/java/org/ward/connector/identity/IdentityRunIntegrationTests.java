package org.ward.connector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.connector.runs.ScanRuns;
import org.ward.rules.findings.Finding;
import org.ward.rules.identity.IdentityCatalogue;
import org.ward.simulator.Simulator;
import org.ward.simulator.requestlog.RequestLogEntry;
import org.ward.simulator.tenant.Premium;
import org.ward.simulator.tenant.SignInPlace;
import org.ward.simulator.tenant.SignInRecord;
import org.ward.simulator.tenant.User;
import org.ward.simulator.throttle.Buckets;

/** {@code ward identity}'s run on its own: incremental sign-in reads, licences and permissions, Microsoft's limits. */
class IdentityRunIntegrationTests {

    @TempDir
    Path dataDir;

    Simulator simulator;
    Map<String, Object> settings;

    @BeforeEach
    void start() {
        simulator = IdentityHarness.clinic(false);
        settings = IdentityHarness.settings(simulator, dataDir, 0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private List<RequestLogEntry> signInRequests() {
        return simulator.requestLog().matching(e -> e.path().endsWith("/auditLogs/signIns"));
    }

    @Test
    void readsTheSignInLogFromWhereTheLastRunStopped() {
        IdentityRun first = IdentityHarness.identity(settings);
        simulator.requestLog().clear();

        IdentityRun second = IdentityHarness.identity(settings);

        assertThat(first.signIns()).isGreaterThan(1000);
        assertThat(second.signIns()).isLessThan(first.signIns() / 10);
        assertThat(second.replayed()).isEqualTo(second.signIns());
        assertThat(second.from()).isAfter(first.to().minus(Duration.ofHours(3)));
        assertThat(signInRequests()).hasSize(1).allSatisfy(e -> assertThat(e.query()).contains("createdDateTime%20ge%20"));
    }

    @Test
    void keepsSignInFindingsOpenWhileTheirEventsAreInTheWindow() {
        IdentityHarness.identity(settings);
        int before = IdentityHarness.open(settings).size();

        IdentityRun second = IdentityHarness.identity(settings);

        assertThat(second.resolved()).isZero();
        assertThat(IdentityHarness.open(settings)).hasSize(before)
                .extracting(Finding::type).contains(IdentityCatalogue.PASSWORD_SPRAY, IdentityCatalogue.MFA_FATIGUE);
    }

    @Test
    void analysesASignInThatHappenedBetweenRuns() {
        IdentityHarness.identity(settings);
        User dev = simulator.tenant().read(() -> simulator.tenant().user("dev.patel@identityclinic.nhs.uk"));
        simulator.tenant().write(() -> simulator.tenant().identity().addSignIn(new SignInRecord("pop-1",
                Instant.now().minus(Duration.ofMinutes(10)), dev.id(), dev.userPrincipalName(), dev.displayName(),
                "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", "81.2.69.150",
                new SignInPlace("Norwich", "England", "GB", 52.6309, 1.2974), "POP3", 0, null, null,
                "singleFactorAuthentication", null, "notApplied", "none", "none", List.of(), "Windows 10", null)));

        IdentityRun second = IdentityHarness.identity(settings);

        assertThat(second.replayed()).isEqualTo(second.signIns() - 1);
        assertThat(IdentityHarness.open(settings)).filteredOn(f -> f.type() == IdentityCatalogue.LEGACY_AUTH_SIGN_IN)
                .extracting(f -> f.resource().path()).contains("dev.patel@identityclinic.nhs.uk");
    }

    @Test
    void runsWhatATenantWithoutPremiumLicenceAllowsAndSaysWhatDidNotRun() {
        simulator.tenant().write(() -> simulator.tenant().identity().setPremium(Premium.NONE));

        IdentityRun run = IdentityHarness.identity(settings);

        assertThat(run.notRun()).containsEntry("mfa-not-registered", "the tenant has no Microsoft Entra ID P1 or P2 licence,"
                + " needed for the MFA registration report")
                .containsEntry("impossible-travel", "the tenant has no Microsoft Entra ID P1 or P2 licence, needed for the"
                        + " sign-in log")
                .containsEntry("risky-user", "the tenant has no Microsoft Entra ID P2 licence, needed for risky users");
        assertThat(run.found()).containsKeys(IdentityCatalogue.MFA_NOT_ENFORCED, IdentityCatalogue.LEGACY_AUTH_ALLOWED);
        assertThat(run.signInSource()).isNull();
        try (ConfigurableApplicationContext context = WardApplication.run(settings)) {
            ScanRuns.ScanRun record = context.getBean(ScanRuns.class).find(run.runId()).orElseThrow();
            assertThat(record.status()).isEqualTo("IDENTITY");
            assertThat(record.gaps()).contains("Not run risky-user: the tenant has no Microsoft Entra ID P2 licence, needed"
                    + " for risky users");
        }
    }

    @Test
    void runsEverythingButRiskyUsersOnP1() {
        simulator.tenant().write(() -> simulator.tenant().identity().setPremium(Premium.P1));

        IdentityRun run = IdentityHarness.identity(settings);

        assertThat(run.notRun()).containsKey("risky-user").doesNotContainKeys("mfa-not-registered", "password-spray",
                "mfa-not-enforced", "impossible-travel");
        assertThat(run.found()).containsKeys(IdentityCatalogue.PASSWORD_SPRAY, IdentityCatalogue.MFA_NOT_REGISTERED);
    }

    @Test
    void namesTheMissingPermissionWhenTheAppHasNoIdentityPermissions() {
        IdentityRun run = IdentityHarness.identity(IdentityHarness.settings(simulator, dataDir, 1));

        assertThat(run.notRun().get("mfa-not-registered")).isEqualTo("the app lacks AuditLog.Read.All or"
                + " UserAuthenticationMethod.Read.All, needed for the MFA registration report (grant admin consent)");
        assertThat(run.notRun().get("password-spray")).contains("AuditLog.Read.All and Directory.Read.All");
        assertThat(run.notRun().get("mfa-not-enforced")).contains("Policy.Read.All");
        assertThat(simulator.requestLog().matching(e -> e.status() == 403)).isEmpty();
    }

    @Test
    void staysUnderMicrosoftsIdentityLimitsInsteadOfRetryingInto429s() {
        simulator.close();
        simulator = IdentityHarness.clinic(true);
        settings = IdentityHarness.settings(simulator, dataDir, 0);
        IdentityRun run = IdentityHarness.identity(IdentityHarness.with(settings, "ward.identity.sign-in-page-size", 150));

        List<RequestLogEntry> reports = simulator.requestLog().matching(e -> Buckets.REPORTS.equals(e.bucket()));
        List<RequestLogEntry> protection = simulator.requestLog().matching(e -> Buckets.IDENTITY_PROTECTION.equals(e.bucket()));
        assertThat(run.signIns()).isGreaterThan(1000);
        assertThat(reports).hasSizeGreaterThan(5);
        assertThat(protection).hasSizeGreaterThan(1);
        assertThat(simulator.requestLog().matching(e -> e.status() == 429)).isEmpty();
        for (int i = 5; i < reports.size(); i++) {
            assertThat(Duration.between(reports.get(i - 5).time(), reports.get(i).time())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        }
    }
}
