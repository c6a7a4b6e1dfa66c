package org.ward.connector.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.WardApplication;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.scan.ScanService;
import org.ward.rules.findings.Finding;
import org.ward.rules.identity.IdentityCatalogue;
import org.ward.rules.policy.FindingType;
import org.ward.simulator.Simulator;

/**
 * The identity step of a real tenant scan, through the SDK, the pacing and H2, against the simulated Identity Clinic:
 * every planted anomaly found once, every near miss left alone, and nothing else.
 */
class IdentityScanIntegrationTests {

    static final Set<FindingType> IDENTITY = Set.of(IdentityCatalogue.MFA_NOT_REGISTERED, IdentityCatalogue.ADMIN_WITHOUT_MFA,
            IdentityCatalogue.MFA_NOT_ENFORCED, IdentityCatalogue.LEGACY_AUTH_ALLOWED, IdentityCatalogue.LEGACY_AUTH_SIGN_IN,
            IdentityCatalogue.IMPOSSIBLE_TRAVEL, IdentityCatalogue.UNFAMILIAR_COUNTRY, IdentityCatalogue.PASSWORD_SPRAY, IdentityCatalogue.BRUTE_FORCE,
            IdentityCatalogue.MFA_FATIGUE, IdentityCatalogue.SINGLE_FACTOR_SIGN_IN, IdentityCatalogue.RISKY_USER);

    /** The clinic's expected identity findings: type, path (UPN, IP or tenant) and severity. */
    static final List<String> EXPECTED = List.of(
            "ADMIN_WITHOUT_MFA erin.hughes@identityclinic.nhs.uk CRITICAL",
            "BRUTE_FORCE frank.moss@identityclinic.nhs.uk HIGH",
            "IMPOSSIBLE_TRAVEL dev.patel@identityclinic.nhs.uk HIGH",
            "IMPOSSIBLE_TRAVEL dev.patel@identityclinic.nhs.uk HIGH",
            "LEGACY_AUTH_ALLOWED tenant HIGH",
            "LEGACY_AUTH_SIGN_IN erin.hughes@identityclinic.nhs.uk MEDIUM",
            "MFA_FATIGUE gita.rao@identityclinic.nhs.uk CRITICAL",
            "MFA_NOT_ENFORCED tenant HIGH",
            "MFA_NOT_REGISTERED ben.okri@identityclinic.nhs.uk CRITICAL",
            "MFA_NOT_REGISTERED cara.jones@identityclinic.nhs.uk MEDIUM",
            "PASSWORD_SPRAY 198.51.100.20 HIGH",
            "RISKY_USER gita.rao@identityclinic.nhs.uk HIGH",
            "SINGLE_FACTOR_SIGN_IN ben.okri@identityclinic.nhs.uk HIGH",
            "UNFAMILIAR_COUNTRY dev.patel@identityclinic.nhs.uk MEDIUM",
            "UNFAMILIAR_COUNTRY henry.ward@identityclinic.nhs.uk MEDIUM");

    @TempDir
    Path dataDir;

    Simulator simulator;
    Map<String, Object> settings;

    @BeforeEach
    void start() {
        simulator = IdentityHarness.clinic();
        settings = IdentityHarness.settings(simulator, dataDir, 0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    static List<String> rows(List<Finding> findings) {
        return findings.stream().filter(f -> IDENTITY.contains(f.type()))
                .map(f -> f.type() + " " + f.resource().path() + " " + f.severity()).sorted().toList();
    }

    @Test
    void findsEveryPlantedAnomalyOnceAndNothingElse() {
        assertThat(rows(IdentityHarness.scan(settings))).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void recordsIdentityFindingsUnderTheScanAndLeavesNoGapOnAFullyLicensedTenant() {
        try (ConfigurableApplicationContext context = WardApplication.run(settings)) {
            long scanId = context.getBean(ScanService.class).scan().scanId();
            ScanRuns.ScanRun run = context.getBean(ScanRuns.class).find(scanId).orElseThrow();
            assertThat(run.gaps()).noneMatch(g -> g.startsWith("Not run"));
            assertThat(IdentityHarness.open(context)).filteredOn(f -> IDENTITY.contains(f.type()))
                    .allSatisfy(f -> assertThat(f.resource().siteId()).isNull());
        }
    }

    @Test
    void evidenceNamesNobodyBeyondTheirUpnAndDisplayName() {
        List<Finding> open = IdentityHarness.scan(settings);
        String everything = open.stream().filter(f -> IDENTITY.contains(f.type()))
                .map(f -> f.title() + f.reasons() + f.details()).collect(Collectors.joining("\n"));
        List<String> objectIds = simulator.tenant().read(() -> simulator.tenant().users().stream()
                .map(org.ward.simulator.tenant.User::id).toList());
        assertThat(objectIds).allSatisfy(id -> assertThat(everything).doesNotContain(id));
        assertThat(everything).doesNotContain("jobTitle").doesNotContain("Nurse").doesNotContain("Receptionist");
    }

    @Test
    void addsTheChecksATenantsLicenceDoesNotAllowToTheScansCoverageGaps() {
        simulator.tenant().write(() -> simulator.tenant().identity().setPremium(org.ward.simulator.tenant.Premium.P1));

        try (ConfigurableApplicationContext context = WardApplication.run(settings)) {
            long scanId = context.getBean(ScanService.class).scan().scanId();
            assertThat(context.getBean(ScanRuns.class).find(scanId).orElseThrow().gaps())
                    .contains("Not run risky-user: the tenant has no Microsoft Entra ID P2 licence, needed for risky users");
            assertThat(rows(IdentityHarness.open(context))).contains("PASSWORD_SPRAY 198.51.100.20 HIGH")
                    .noneMatch(r -> r.startsWith("RISKY_USER"));
        }
    }
}
