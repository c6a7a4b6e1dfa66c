package org.ward.connector.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.connector.protect.ProtectionIntegrationTests.ADAS_LABEL;
import static org.ward.connector.protect.ProtectionIntegrationTests.ARCHIVED;
import static org.ward.connector.protect.ProtectionIntegrationTests.CALL;
import static org.ward.connector.protect.ProtectionIntegrationTests.FORM;
import static org.ward.connector.protect.ProtectionIntegrationTests.FORM_ADAS;
import static org.ward.connector.protect.ProtectionIntegrationTests.FORM_GENERAL;
import static org.ward.connector.protect.ProtectionIntegrationTests.PATIENT_DATA;
import static org.ward.connector.protect.ProtectionIntegrationTests.PHYSIO;
import static org.ward.connector.protect.ProtectionIntegrationTests.RECORD;
import static org.ward.connector.protect.ProtectionIntegrationTests.RECORDING;
import static org.ward.connector.protect.ProtectionIntegrationTests.VISIO;
import static org.ward.connector.protect.ProtectionIntegrationTests.WAIT;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.ward.connector.audit.AuditEntry;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.protect.LabelChange.State;
import org.ward.connector.protect.PlannedLabel.Decision;
import org.ward.connector.protect.PlannedLabel.Target;
import org.ward.connector.protect.Protector.Outcome;
import org.ward.connector.protect.Protector.Result;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.facts.ItemKey;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.labels.LabelsCatalogue;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.simulator.requestlog.RequestLogEntry;

/**
 * One run of the Label Clinic from scan to rescan, each step's outcome kept for the specs below: the dry run, ward
 * protect --apply, the same again, and a rescan. Each spec reads one behaviour off it.
 */
class ProtectionApplyTests {

    @TempDir
    static Path dataDir;

    static LabelClinic clinic;
    static Result dryRun;
    static List<RequestLogEntry> dryRunWrites;
    static int auditAfterDryRun;
    static int changesAfterDryRun;
    static Instant applyStarted;
    static Result applied;
    static List<RequestLogEntry> applyRequests;
    static List<AuditEntry> audit;
    static List<LabelChange> changes;
    static Map<String, String> labelsAfterApply = new TreeMap<>();
    static Result second;
    static List<RequestLogEntry> secondRequests;
    static List<Finding> afterRescan;

    @BeforeAll
    static void scanPlanApplyApplyAgainAndRescan() throws InterruptedException {
        clinic = new LabelClinic(dataDir);
        // Ada labelled her consent form herself: Graph reports a person's label as "privileged".
        clinic.label(FORM_ADAS, "Confidential", "privileged");
        Map<String, Object> enabled = clinic.settings(LabelClinic.PROTECT, true);
        clinic.scan(enabled);
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            clinic.simulator().requestLog().clear();
            dryRun = context.getBean(Protector.class).plan();
            dryRunWrites = clinic.labelWrites();
            auditAfterDryRun = context.getBean(AuditLog.class).entries().size();
            changesAfterDryRun = context.getBean(LabelChanges.class).all().size();

            clinic.simulator().requestLog().clear();
            applyStarted = Instant.now().minusSeconds(1);
            applied = context.getBean(Protector.class).apply("alice", WAIT);
            applyRequests = clinic.simulator().requestLog().entries();
            audit = context.getBean(AuditLog.class).entries();
            changes = context.getBean(LabelChanges.class).all();
            for (String name : List.of(RECORDING, RECORD, ADAS_LABEL, ARCHIVED, CALL, PHYSIO)) {
                labelsAfterApply.put(name, String.valueOf(clinic.retentionLabel(name)));
            }
            for (String name : List.of(FORM, FORM_GENERAL, FORM_ADAS, VISIO)) {
                labelsAfterApply.put(name, String.valueOf(clinic.sensitivityLabel(name)));
            }

            clinic.simulator().requestLog().clear();
            second = context.getBean(Protector.class).apply("alice", WAIT);
            secondRequests = clinic.labelRequests();
        }
        clinic.scan(enabled);
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            afterRescan = context.getBean(FindingStore.class).all();
        }
    }

    @AfterAll
    static void stop() {
        clinic.close();
    }

    @Test
    void dryRunPlansEveryLabelTheFindingsCallForAndChangesNothing() {
        assertThat(dryRun.outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(dryRun.plan().labels()).extracting(l -> l.target() + " " + l.decision() + " " + l.label())
                .containsExactlyInAnyOrder(
                        "RETENTION APPLY Clinical Recording - 8 Years", "RETENTION APPLY Clinical Recording - 8 Years",
                        "RETENTION APPLY Call Recording - 7 Years", "RETENTION KEEP_RECORD Clinical Recording - 8 Years",
                        "RETENTION KEEP_PERSONS_LABEL Clinical Recording - 8 Years",
                        "RETENTION HOLD_PAST_RETENTION Clinical Recording - 8 Years",
                        "SENSITIVITY QUEUE " + PATIENT_DATA, "SENSITIVITY QUEUE " + PATIENT_DATA,
                        "SENSITIVITY KEEP_PERSONS_LABEL " + PATIENT_DATA, "SENSITIVITY UNSUPPORTED_TYPE " + PATIENT_DATA,
                        "CONTAINER NEEDS_A_PERSON " + PATIENT_DATA);
        assertThat(dryRunWrites).isEmpty();
        assertThat(auditAfterDryRun).isZero();
        assertThat(changesAfterDryRun).isZero();
    }

    @Test
    void appliesThePacksRetentionLabelAndAuditsWhoWhenItemBeforeAfterRequestAndResult() {
        assertThat(applied.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(labelsAfterApply).containsEntry(RECORDING, "Clinical Recording - 8 Years")
                .containsEntry(PHYSIO, "Clinical Recording - 8 Years").containsEntry(CALL, "Call Recording - 7 Years");
        ItemKey item = clinic.item(RECORDING);
        AuditEntry entry = audit.stream().filter(e -> e.request().equals("PATCH /drives/" + item.driveId() + "/items/"
                + item.itemId() + "/retentionLabel")).findFirst().orElseThrow();
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.at()).isBetween(applyStarted, Instant.now());
        assertThat(entry.action()).isEqualTo("apply-retention-label");
        assertThat(entry.before()).contains("\"retentionLabel\":\"none\"").contains("999 *** **18").doesNotContain("0018");
        assertThat(entry.after()).contains("\"retentionLabel\":\"Clinical Recording - 8 Years\"");
        assertThat(entry.outcome()).isEqualTo("applied");
    }

    @Test
    void neverTouchesARecordLabel() {
        ItemKey record = clinic.item(RECORD);
        assertThat(labelsAfterApply).containsEntry(RECORD, "Corporate Record 6y");
        assertThat(applyRequests).filteredOn(e -> e.path().contains("/items/" + record.itemId() + "/"))
                .allSatisfy(e -> assertThat(e.method()).isEqualTo("GET"));
        assertThat(applied.plan().labels()).filteredOn(l -> record.equals(l.item())).singleElement()
                .satisfies(l -> assertThat(l.why()).contains("makes it a locked record: Ward never changes or removes"));
    }

    @Test
    void keepsLabelsAPersonApplied() {
        assertThat(labelsAfterApply).containsEntry(ADAS_LABEL, "Meeting Recording").containsEntry(FORM_ADAS, "Confidential");
        assertThat(applyRequests).noneSatisfy(e -> assertThat(e.path())
                .endsWith("/items/" + clinic.item(FORM_ADAS).itemId() + "/assignSensitivityLabel"));
    }

    @Test
    void queuesSensitivityLabelsAndRecordsEachJobsEnd() {
        assertThat(labelsAfterApply).containsEntry(FORM, PATIENT_DATA).containsEntry(FORM_GENERAL, PATIENT_DATA);
        assertThat(applied.queued()).isEqualTo(2);
        assertThat(applied.queue().ended()).containsEntry(State.APPLIED, 2L);
        assertThat(changes).filteredOn(c -> c.kind() == LabelChange.Kind.SENSITIVITY && c.state() == State.APPLIED)
                .extracting(LabelChange::labelBefore).containsExactlyInAnyOrder("none", "General");
        assertThat(changes).allSatisfy(c -> assertThat(c.monitorUrl()).isNull());
        assertThat(audit).extracting(AuditEntry::action).contains("assign-sensitivity-label", "sensitivity-label-result");
    }

    @Test
    void unsupportedFileTypeIsRecordedAndNeverSent() {
        assertThat(applyRequests).noneSatisfy(e -> assertThat(e.path())
                .endsWith("/items/" + clinic.item(VISIO).itemId() + "/assignSensitivityLabel"));
        assertThat(changes).filteredOn(c -> c.item().equals(clinic.item(VISIO))).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo(State.UNSUPPORTED_TYPE);
            assertThat(c.reason()).contains("Office Open XML and PDF files only");
        });
    }

    @Test
    void containerLabelIsLeftToAPersonAndNeverAttempted() {
        assertThat(applied.plan().of(Target.CONTAINER, Decision.NEEDS_A_PERSON)).singleElement().satisfies(l -> {
            assertThat(l.place()).isEqualTo("Physio Clinic");
            assertThat(l.why()).contains("Graph lets no application set a team's or site's sensitivity label")
                    .contains("SharePoint admin centre");
        });
        assertThat(applyRequests).noneSatisfy(e -> assertThat(e.path().startsWith("/groups/") && !e.method().equals("GET"))
                .isTrue());
    }

    @Test
    void recordingPastItsRetentionPeriodIsHeldForTheRecordsManager() {
        assertThat(labelsAfterApply).containsEntry(ARCHIVED, "null");
    }

    @Test
    void applyingTwiceMakesNoLabelRequestTheSecondTime() {
        assertThat(secondRequests).isEmpty();
        assertThat(second.plan().changes()).isZero();
        assertThat(second.plan().labels()).filteredOn(l -> l.decision() == Decision.DONE_AWAITING_SCAN).hasSize(5);
    }

    @Test
    void rescanResolvesTheLabelFindingsItFixedAndKeepsTheOthersOpen() {
        assertThat(statuses(RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL))
                .containsEntry(RECORDING, FindingStatus.RESOLVED).containsEntry(PHYSIO, FindingStatus.RESOLVED)
                .containsEntry(CALL, FindingStatus.RESOLVED).containsEntry(RECORD, FindingStatus.OPEN)
                .containsEntry(ADAS_LABEL, FindingStatus.OPEN).containsEntry(ARCHIVED, FindingStatus.OPEN);
        assertThat(statuses(LabelsCatalogue.PATIENT_FILE_WITHOUT_SENSITIVITY_LABEL))
                .containsEntry(FORM, FindingStatus.RESOLVED).containsEntry(FORM_GENERAL, FindingStatus.RESOLVED)
                .containsEntry(FORM_ADAS, FindingStatus.OPEN).containsEntry(VISIO, FindingStatus.OPEN);
    }

    private static Map<String, FindingStatus> statuses(Object type) {
        Map<String, FindingStatus> out = new TreeMap<>();
        for (String name : List.of(RECORDING, RECORD, ADAS_LABEL, ARCHIVED, CALL, PHYSIO, FORM, FORM_GENERAL, FORM_ADAS, VISIO)) {
            ItemKey key = clinic.item(name);
            afterRescan.stream().filter(f -> f.type() == type && key.itemId().equals(f.resource().itemId())).findFirst()
                    .ifPresent(f -> out.put(name, f.status()));
        }
        return out;
    }
}
