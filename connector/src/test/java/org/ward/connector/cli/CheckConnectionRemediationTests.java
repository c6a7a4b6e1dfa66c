package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.remediate.ClinicTenant;
import org.ward.connector.scan.ScanHarness;

/** check-connection says whether remediation is on, and whether the token lets Ward change sharing. */
class CheckConnectionRemediationTests {

    @Test
    void offAndUngrantedSaysWhatIsMissingAndThatScanningDoesNotNeedIt() {
        assertThat(CheckConnectionCommand.remediation(false, Set.of("Sites.Read.All", "Files.Read.All")))
                .startsWith("Remediation: off (ward.remediation.enabled=false)")
                .contains("the token lacks Files.ReadWrite.All (or Sites.ReadWrite.All, Sites.Manage.All,"
                        + " Sites.FullControl.All)").endsWith("Scanning does not need it.");
    }

    @Test
    void enabledAndGrantedSaysApplyCanChangeSharing() {
        assertThat(CheckConnectionCommand.remediation(true, Set.of("Sites.FullControl.All")))
                .isEqualTo("Remediation: enabled (ward.remediation.enabled=true); the token carries a permission that lets"
                        + " Ward change sharing (Files.ReadWrite.All or broader), so ward remediate --apply can remove and"
                        + " replace links and grants.");
    }

    @Test
    void scanOnlyDeploymentStillPassesTheCheck(@TempDir Path dataDir) {
        try (ClinicTenant clinic = new ClinicTenant(dataDir);
                ConfigurableApplicationContext context = ScanHarness.start(clinic.settings(ClinicTenant.READ_ONLY, false))) {
            CommandRun run = CommandRun.of(context, new CheckConnectionCommand());
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("Remediation: off").contains("Ward can scan this tenant.");
        }
    }
}
