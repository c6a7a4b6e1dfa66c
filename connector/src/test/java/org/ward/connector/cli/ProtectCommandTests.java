package org.ward.connector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.protect.LabelClinic;
import org.ward.connector.scan.ScanHarness;

/**
 * ward protect, ward disposition and check-connection's protection lines, against one scanned Label Clinic: nothing
 * here changes the tenant.
 */
class ProtectCommandTests {

    @TempDir
    static Path dataDir;

    static LabelClinic clinic;

    @BeforeAll
    static void scanTheClinic() {
        clinic = new LabelClinic(dataDir);
        clinic.scan(clinic.settings(LabelClinic.PROTECT, true));
    }

    @AfterAll
    static void stop() {
        clinic.close();
    }

    private static CommandRun run(Map<String, Object> settings, WardTask command, String... args) {
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            return CommandRun.of(context, command, args);
        }
    }

    @Test
    void dryRunCountsPerLabelAndPlaceAndShowsEachItemMasked() {
        CommandRun run = run(clinic.settings(LabelClinic.PROTECT, false), new ProtectCommand());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Protection plan (dry run: nothing is changed).")
                .contains("Retention labels (recordings): apply 3, record label kept 1, person's label kept 1,"
                        + " held for the records manager 1")
                .contains("  apply \"Clinical Recording - 8 Years\": 2 (Clinical Recordings 1, Physio Clinic 1)")
                .contains("  apply \"Call Recording - 7 Years\": 1 (Clinical Recordings 1)")
                .contains("Sensitivity labels (Office and PDF files naming a patient beside recordings): queue 3,"
                        + " not applied: unsupported type 1")
                .contains("Container labels (sites and teams holding recordings): needs a person 1")
                .contains("APPLY  retention label \"Clinical Recording - 8 Years\"  Clinical Recordings"
                        + "  /Consultations/Consultation 999 *** **18.mp4  (now: none)")
                .contains("Note: This was a dry run, and --apply is off: set ward.protection.enabled=true")
                .endsWith("Dry run: nothing was changed. Run again with --apply to apply the 6 changes." + System.lineSeparator())
                .doesNotContain("0018");
        assertThat(clinic.labelWrites()).isEmpty();
    }

    @Test
    void applyWhileProtectionIsOffIsOneSentenceAndExitCode2() {
        CommandRun run = run(clinic.settings(LabelClinic.PROTECT, false), new ProtectCommand(), "--apply");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("ward: Protection is not enabled, so Ward changed nothing: set"
                + " ward.protection.enabled=true in Ward's settings (and grant the app Files.ReadWrite.All) to let ward protect"
                + " --apply put labels on files." + System.lineSeparator());
        assertThat(clinic.labelWrites()).isEmpty();
    }

    @Test
    void scanOnlyAppIsToldWhatIsMissingWithExitCode1() {
        CommandRun run = run(clinic.settings(LabelClinic.SCAN_ONLY, true), new ProtectCommand(), "--apply");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("ward: The app lacks Files.ReadWrite.All").contains("Scanning works without it.")
                .endsWith("Nothing was changed." + System.lineSeparator());
        assertThat(clinic.labelWrites()).isEmpty();
    }

    @Test
    void withoutAScanProtectSaysToScanFirst(@TempDir Path empty) {
        Map<String, Object> settings = clinic.settings(LabelClinic.PROTECT, true);
        settings.put("spring.datasource.url", "jdbc:h2:file:" + empty.toAbsolutePath().resolve("ward") + ";DB_CLOSE_ON_EXIT=FALSE");

        CommandRun run = run(settings, new ProtectCommand());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("No scan has completed yet, so there are no findings to protect: run ward scan first.");
    }

    @Test
    void dispositionListsTheRecordingPastItsPeriodForTheRecordsManagerMasked(@TempDir Path out) throws Exception {
        Path csv = out.resolve("disposition.csv");
        CommandRun table = run(clinic.settings(LabelClinic.PROTECT, false), new DispositionCommand());
        CommandRun file = run(clinic.settings(LabelClinic.PROTECT, false), new DispositionCommand(), "--format", "csv",
                "--output", csv.toString());

        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("past its retention period  Clinical Recordings"
                + "  /Consultations/Archive 2017/Consultation 999 *** **42.mp4")
                .contains("consultation-video; label none; period P8Y from created; expired ")
                .contains("1 recording is past retention: disposition candidates for the records manager. Ward deletes nothing.")
                .doesNotContain("0042");
        assertThat(file.out()).contains("Wrote 1 disposition candidate to");
        String text = Files.readString(csv);
        assertThat(text).startsWith("\uFEFFfindingId,place,path,kind,retentionLabel,requiredLabel,retentionPeriod,trigger,"
                + "reviewDate,overdueBy,overdueDays,owner\r\n").contains(",Clinical Recordings,/Consultations/Archive 2017/"
                + "Consultation 999 *** **42.mp4,consultation-video,none,Clinical Recording - 8 Years,P8Y,created,")
                .doesNotContain("0042");
    }

    @Test
    void checkConnectionSaysWhatEachProtectPermissionEnables() {
        CommandRun full = run(clinic.settings(LabelClinic.PROTECT, true), new CheckConnectionCommand());
        CommandRun scanOnly = run(clinic.settings(LabelClinic.SCAN_ONLY, false), new CheckConnectionCommand());

        assertThat(full.out()).contains("Protection: enabled (ward.protection.enabled=true)")
                .contains("  ok      retention labels: ward protect can apply the pack's retention label to recordings")
                .contains("  ok      record labels: Sites.FullControl.All lets Ward apply a retention label that declares")
                .contains("  ok      sensitivity labels: ward protect can call assignSensitivityLabel")
                .contains("Graph answers 402 paymentRequired until it is")
                .contains("  ok      label ids: SensitivityLabels.Read.All lets Ward find each label's id by name.")
                .contains("  never   container labels: no application permission lets an app set a team's or site's");
        assertThat(scanOnly.exitCode()).isZero();
        assertThat(scanOnly.out()).contains("Protection: off (ward.protection.enabled=false)")
                .contains("  absent  retention labels: needs Files.ReadWrite.All (or Sites.ReadWrite.All)")
                .contains("  absent  sensitivity labels: needs Files.ReadWrite.All, and metered billing")
                .contains("Ward can scan this tenant.");
    }
}
