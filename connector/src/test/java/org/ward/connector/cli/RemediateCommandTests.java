package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.remediate.ClinicTenant;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.FindingType;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.tenant.SharingPermission;

/** ward remediate: the dry run by default, --apply only when enabled, and plain sentences when it cannot. */
class RemediateCommandTests {

    @TempDir
    Path dataDir;

    ClinicTenant clinic;

    @BeforeEach
    void start() {
        clinic = new ClinicTenant(dataDir);
    }

    @AfterEach
    void stop() {
        clinic.close();
    }

    @Test
    void dryRunShowsThePermissionTheActionAndItsGraphRequest() {
        CommandRun run = remediate(clinic.settings(ClinicTenant.FULL_CONTROL, true), SharingCatalogue.ANONYMOUS_LINK);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Now:        an Anyone link (view), no expiry, set on the recording")
                .contains("Would:      Remove an Anyone link (view, no expiry)")
                .containsPattern("Graph:      DELETE /drives/\\S+/items/\\S+/permissions/\\S+")
                .contains("Dry run: nothing was changed. Run again with --apply to do it.");
        assertThat(clinic.writes()).isEmpty();
    }

    @Test
    void dryRunSaysWhatTheTokenLacksToApply() {
        CommandRun run = remediate(clinic.settings(ClinicTenant.READ_ONLY, false), SharingCatalogue.ANONYMOUS_LINK);
        assertThat(run.out()).contains("--apply is off: set ward.remediation.enabled=true")
                .contains("The app's token carries none of Files.ReadWrite.All");
    }

    @Test
    void applyWithoutRemediationEnabledIsOneSentenceAndExitCode2() {
        CommandRun run = remediate(clinic.settings(ClinicTenant.FULL_CONTROL, false), SharingCatalogue.ANONYMOUS_LINK, "--apply");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("ward: Remediation is not enabled, so Ward changed nothing");
        assertThat(run.out()).isEmpty();
        assertThat(clinic.writes()).isEmpty();
    }

    @Test
    void applyThatGraphRefusesNamesTheMissingPermissionAndExits1() {
        CommandRun run = remediate(clinic.settings(ClinicTenant.READ_ONLY, true), SharingCatalogue.ANONYMOUS_LINK, "--apply");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("(403 accessDenied): the app lacks Files.ReadWrite.All (or Sites.ReadWrite.All)")
                .contains("Nothing was changed.");
    }

    @Test
    void applyingTwiceSaysThereIsNothingLeftToDo() {
        Map<String, Object> settings = clinic.settings(ClinicTenant.FULL_CONTROL, true);
        clinic.scan(settings);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            String id = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK).id();
            CommandRun first = CommandRun.of(context, new RemediateCommand(), id, "--apply", "--actor", "alice");
            CommandRun second = CommandRun.of(context, new RemediateCommand(), id, "--apply", "--actor", "alice");
            assertThat(first.out()).contains("Done: DELETE /drives/");
            assertThat(second.exitCode()).isZero();
            assertThat(second.out()).contains("there is nothing to do and Ward changed nothing").doesNotContain("Done:");
        }
    }

    @Test
    void replacingALinkSaysItsUrlChangesBeforeChangingIt() {
        SharingPermission link = clinic.shareWaitingRoomWithBenWithoutExpiry();
        Map<String, Object> settings = clinic.settings(ClinicTenant.FULL_CONTROL, true);
        clinic.scan(settings);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            Finding noExpiry = ClinicTenant.onPermission(context, SharingCatalogue.LINK_WITHOUT_EXPIRY, link.id());
            String out = CommandRun.of(context, new RemediateCommand(), noExpiry.id(), "--apply").out();
            assertThat(out).contains("Note: The link's URL changes");
            assertThat(out.indexOf("Note: The link's URL changes")).isLessThan(out.indexOf("Done: POST"));
        }
    }

    @Test
    void copyFindingTellsWhoToAskAndWhatThePolicyAsks() {
        CommandRun run = remediate(clinic.settings(ClinicTenant.FULL_CONTROL, true), CopiesCatalogue.COPY_LEFT_AFTER_UPLOAD,
                "--apply");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsOnlyOnce("Finding:").contains("No automated action: Ward deletes nothing")
                .contains("Tell ada.lovelace@smallclinic.nhs.uk").contains("What the policy asks: ");
        assertThat(clinic.writes()).isEmpty();
    }

    @Test
    void unknownFindingIsAUsageError() {
        Map<String, Object> settings = clinic.settings(ClinicTenant.FULL_CONTROL, true);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            CommandRun run = CommandRun.of(context, new RemediateCommand(), "F-0000000000000000");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("No finding has the id 'F-0000000000000000': ward findings lists them.");
        }
    }

    private CommandRun remediate(Map<String, Object> settings, FindingType type, String... options) {
        clinic.scan(settings);
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            String[] args = new String[options.length + 1];
            args[0] = ClinicTenant.only(context, type).id();
            System.arraycopy(options, 0, args, 1, options.length);
            clinic.simulator().requestLog().clear();
            return CommandRun.of(context, new RemediateCommand(), args);
        }
    }
}
