package org.ward.connector.protect;

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
import org.ward.connector.protect.LabelChange.State;
import org.ward.connector.protect.PlannedLabel.Decision;
import org.ward.connector.protect.Protector.Outcome;
import org.ward.connector.protect.Protector.Result;
import org.ward.connector.protect.collect.LabelWrites;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.facts.ItemKey;

/**
 * ward protect against the simulated Label Clinic over HTTPS, through the SDK, Graph's answers, the queue table and
 * the audit log, where a spec needs a tenant of its own: each test scans a fresh one first. The run most specs share is
 * {@link ProtectionApplyTests}.
 */
class ProtectionIntegrationTests {

    static final String RECORDING = "Consultation 999 000 0018.mp4";
    static final String RECORD = "Consultation 999 000 0026.mp4";
    static final String ADAS_LABEL = "Consultation 999 000 0034.mp4";
    static final String ARCHIVED = "Consultation 999 000 0042.mp4";
    static final String CALL = "Inbound call 2026-10-01 0900.wav";
    static final String PHYSIO = "Shoulder rehab 999 000 0050.mp4";
    static final String FORM = "Consent 999 000 0018.pdf";
    static final String FORM_GENERAL = "Consent 999 000 0026.docx";
    static final String FORM_ADAS = "Consent 999 000 0034.pdf";
    static final String VISIO = "Notes 999 000 0018.vsdx";
    static final String PATIENT_DATA = "Confidential\\Patient Data";
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    LabelClinic clinic;
    Map<String, Object> enabled;

    @BeforeEach
    void scanTheClinic() {
        clinic = new LabelClinic(dataDir);
        // Ada labelled her consent form herself: Graph reports a person's label as "privileged".
        clinic.label(FORM_ADAS, "Confidential", "privileged");
        enabled = clinic.settings(LabelClinic.PROTECT, true);
        clinic.scan(enabled);
        clinic.simulator().requestLog().clear();
    }

    @AfterEach
    void stop() {
        clinic.close();
    }

    private Result apply(Map<String, Object> settings) {
        try (ConfigurableApplicationContext context = ScanHarness.start(settings)) {
            return apply(context);
        }
    }

    private static Result apply(ConfigurableApplicationContext context) {
        try {
            return context.getBean(Protector.class).apply("alice", WAIT);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void neverLowersASensitivityLabel() {
        // Someone labels the consent form Highly Confidential after the scan: the plan reads it and leaves it.
        clinic.label(FORM, "Highly Confidential", "standard");
        Result result = apply(enabled);

        assertThat(clinic.sensitivityLabel(FORM)).isEqualTo("Highly Confidential");
        assertThat(clinic.assignmentsAccepted(FORM)).isZero();
        assertThat(result.plan().labels()).filteredOn(l -> clinic.item(FORM).equals(l.item())).singleElement()
                .satisfies(l -> assertThat(l.decision()).isEqualTo(Decision.ALREADY_IN_PLACE));
    }

    @Test
    void meteringNotEnabledIsRecordedForEveryQueuedFileWithoutStoppingTheRest() {
        String app = clinic.settings(LabelClinic.PROTECT, true).get("ward.graph.client-id").toString();
        clinic.simulator().sensitivityLabelling().setMeteredBilling(app, false);

        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Result result = apply(context);

            assertThat(result.outcome()).isEqualTo(Outcome.APPLIED);
            assertThat(result.queue().ended()).containsEntry(State.METERING_NOT_ENABLED, 2L);
            assertThat(clinic.retentionLabel(RECORDING)).isEqualTo("Clinical Recording - 8 Years");
            assertThat(clinic.sensitivityLabel(FORM)).isNull();
            assertThat(context.getBean(LabelChanges.class).inState(State.METERING_NOT_ENABLED)).hasSize(2)
                    .allSatisfy(c -> assertThat(c.reason()).contains("402 paymentRequired")
                            .contains("Microsoft.GraphServices/accounts"));
        }
    }

    @Test
    void graphRefusalIsOneSentenceAndChangesNothing() {
        // Only the call recording's label is left to apply, and it declares records, which takes Sites.FullControl.All.
        for (String done : List.of(RECORDING, PHYSIO)) {
            ItemKey key = clinic.item(done);
            clinic.simulator().changes().setRetentionLabel(key.driveId(), key.itemId(), "Clinical Recording - 8 Years", null,
                    "retain");
        }
        Result result = apply(clinic.settings(LabelClinic.LABELLER, true));

        assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(result.notes()).singleElement().satisfies(n -> assertThat(n).startsWith("Graph refused PATCH /drives/")
                .contains("(403)").contains("Sites.FullControl.All if \"Call Recording - 7 Years\" declares records")
                .endsWith("Nothing was changed."));
        assertThat(clinic.retentionLabel(CALL)).isNull();
        assertThat(clinic.labelWrites()).singleElement().satisfies(w -> assertThat(w.status()).isEqualTo(403));
        assertThat(clinic.sensitivityLabel(FORM)).isNull();
    }

    @Test
    void scanOnlyDeploymentKeepsScanningAndIsToldWhatIsMissing() {
        Map<String, Object> scanOnly = clinic.settings(LabelClinic.SCAN_ONLY, true);
        clinic.scan(scanOnly);

        Result result = apply(scanOnly);

        assertThat(result.outcome()).isEqualTo(Outcome.MISSING_PERMISSION);
        assertThat(result.notes()).containsExactly("The app lacks Files.ReadWrite.All (or Sites.ReadWrite.All,"
                + " Sites.Manage.All, Sites.FullControl.All), which applying labels needs on top of scanning: grant it with"
                + " admin consent to app " + scanOnly.get("ward.graph.client-id") + " to let ward protect --apply label files."
                + " Scanning works without it. Nothing was changed.");
        assertThat(clinic.labelWrites()).isEmpty();
    }

    @Test
    void crashMidQueueResumesWithoutAskingForAnyFileTwice() throws InterruptedException {
        // One call an hour: the first consent form is asked for, the second waits its turn, and the run ends.
        Map<String, Object> slow = clinic.settings(LabelClinic.PROTECT, true);
        slow.put("ward.protection.sensitivity-labels.tenant-cap", "1");
        slow.put("ward.protection.sensitivity-labels.share", "1");
        slow.put("ward.protection.sensitivity-labels.cap-window", "PT1H");
        try (ConfigurableApplicationContext context = ScanHarness.start(slow)) {
            Result first = context.getBean(Protector.class).apply("alice", Duration.ZERO);
            assertThat(first.queue().submitted()).isEqualTo(1);
            assertThat(first.queue().queued()).isEqualTo(1);
            assertThat(first.notes()).anySatisfy(n -> assertThat(n).contains("waits in the queue for a turn under the tenant's cap"));
        }
        // The next run claims the waiting row and Graph accepts the call, but Ward dies before it records the answer.
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            LabelChanges changes = context.getBean(LabelChanges.class);
            LabelChange waiting = changes.inState(State.QUEUED).get(0);
            assertThat(changes.submitting(waiting.id(), Instant.now())).isTrue();
            context.getBean(LabelWrites.class).assignSensitivityLabel(waiting.item().driveId(), waiting.item().itemId(),
                    waiting.labelId(), SensitivityLabelQueue.JUSTIFICATION);
        }
        // A restart finishes both: the submitted job through its monitor, the interrupted one by reading the file.
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Result resumed = context.getBean(Protector.class).apply("alice", WAIT);
            assertThat(resumed.queued()).isZero();
            assertThat(resumed.queue().ended()).containsEntry(State.APPLIED, 2L);
        }
        assertThat(clinic.assignmentsAccepted(FORM)).isEqualTo(1);
        assertThat(clinic.assignmentsAccepted(FORM_GENERAL)).isEqualTo(1);
        assertThat(clinic.sensitivityLabel(FORM)).isEqualTo(PATIENT_DATA);
        assertThat(clinic.sensitivityLabel(FORM_GENERAL)).isEqualTo(PATIENT_DATA);
    }

    @Test
    void scanWithProtectionDuringScansAppliesWhatItsFindingsCallFor() {
        Map<String, Object> duringScan = clinic.settings(LabelClinic.PROTECT, true);
        duringScan.put("ward.protection.during-scan", "true");

        clinic.scan(duringScan);

        assertThat(clinic.retentionLabel(RECORDING)).isEqualTo("Clinical Recording - 8 Years");
        assertThat(clinic.sensitivityLabel(FORM)).isEqualTo(PATIENT_DATA);
        assertThat(clinic.retentionLabel(RECORD)).isEqualTo("Corporate Record 6y");
    }

}
