package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.recordings.CompliantRecording.NOW;
import static org.ward.rules.recordings.CompliantRecording.POLICY;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.classify.ConsentEvidence;
import org.ward.rules.classify.LabelRequirements;
import org.ward.rules.classify.RetentionClock;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Rule;
import org.ward.rules.policy.Severity;

class RecordingChecksTests {

    private static final LabelRequirements LABELS = new LabelRequirements(POLICY.labels());

    private static Rule rule(FindingType type) {
        return POLICY.rule(type).orElseThrow();
    }

    private static CheckOutcome run(RecordingCheck check, RecordingFacts facts) {
        return check.evaluate(facts, rule(check.type()), NOW);
    }

    @Test
    void compliantRecordingPassesEveryRecordingCheck() {
        for (RecordingCheck check : List.of(new RecordingOutsideApprovedLocationCheck(),
                new RecordingWithoutRetentionLabelCheck(LABELS), new RecordingPastRetentionCheck(new RetentionClock(POLICY.retention())),
                new RecordingWithoutConsentEvidenceCheck(new ConsentEvidence(POLICY, CompliantRecording.FINGERPRINT)))) {
            assertThat(run(check, CompliantRecording.compliant())).as(check.type().name()).isEqualTo(CheckOutcome.PASS);
        }
    }

    @Test
    void flagsRecordingInUnregisteredSite() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(),
                CompliantRecording.site("https://smallclinic.sharepoint.com/sites/PhysioVideoClinic", LocationKind.GROUP_SITE,
                        ContainerLabel.none()), List.of(CompliantRecording.consentForm()));
        FindingDraft finding = run(new RecordingOutsideApprovedLocationCheck(), facts).findings().get(0);
        assertThat(finding.type()).isEqualTo(FindingType.RECORDING_OUTSIDE_APPROVED_LOCATION);
        assertThat(finding.severity()).isEqualTo(Severity.HIGH);
        assertThat(finding.reasons()).contains("It is in https://smallclinic.sharepoint.com/sites/PhysioVideoClinic: the site"
                + " is not in the policy's registry of approved locations.");
        assertThat(finding.resource().itemId()).isEqualTo("rec-1");
    }

    @Test
    void leavesRecordingsInOneDriveToTheTemporaryCopyCheck() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(),
                CompliantRecording.site("https://smallclinic-my.sharepoint.com/personal/ada", LocationKind.ONEDRIVE,
                        ContainerLabel.notExposed()), List.of());
        assertThat(run(new RecordingOutsideApprovedLocationCheck(), facts)).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void flagsRecordingWithoutRetentionLabel() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", null, Duration.ofDays(365), Map.of()),
                "consultation-video", List.of(CompliantRecording.identifier(CompliantRecording.PATIENT))),
                CompliantRecording.approvedSite(), List.of(CompliantRecording.consentForm()));
        FindingDraft finding = run(new RecordingWithoutRetentionLabelCheck(LABELS), facts).findings().get(0);
        assertThat(finding.title()).isEqualTo("A consultation video has no retention label.");
    }

    @Test
    void flagsRecordingWithAnotherRetentionLabel() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", "Meeting Recording",
                        Duration.ofDays(365), Map.of()), "consultation-video", List.of()),
                CompliantRecording.approvedSite(), List.of());
        assertThat(run(new RecordingWithoutRetentionLabelCheck(LABELS), facts).findings().get(0).title())
                .isEqualTo("A consultation video carries the retention label \"Meeting Recording\" instead of"
                        + " \"Clinical Recording - 8 Years\".");
    }

    @Test
    void flagsRecordingKeptPastItsRetentionPeriod() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", "Clinical Recording - 8 Years",
                        Duration.ofDays(365 * 9), Map.of()), "consultation-video", List.of()),
                CompliantRecording.approvedSite(), List.of());
        FindingDraft finding = run(new RecordingPastRetentionCheck(new RetentionClock(POLICY.retention())), facts).findings().get(0);
        assertThat(finding.type()).isEqualTo(FindingType.RECORDING_PAST_RETENTION);
        assertThat(finding.details()).containsEntry("retentionPeriod", "P8Y");
    }

    @Test
    void flagsRecordingWhoseFolderHoldsNoConsentForm() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(), CompliantRecording.approvedSite(),
                List.of());
        FindingDraft finding = run(new RecordingWithoutConsentEvidenceCheck(new ConsentEvidence(POLICY,
                CompliantRecording.FINGERPRINT)), facts).findings().get(0);
        assertThat(finding.title()).isEqualTo("A consultation video has no consent record beside it.");
    }

    @Test
    void consentFormForAnotherPatientIsNotEvidence() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(), CompliantRecording.approvedSite(),
                List.of(CompliantRecording.document(CompliantRecording.item("form-2", "Consent 999 *** **26.pdf",
                        "application/pdf", null, Duration.ofDays(10), Map.of()),
                        List.of(CompliantRecording.identifier("hmac-sha256:patient-0026")))));
        assertThat(run(new RecordingWithoutConsentEvidenceCheck(new ConsentEvidence(POLICY, CompliantRecording.FINGERPRINT)),
                facts).findings()).hasSize(1);
    }

    @Test
    void consentColumnOnTheRecordingIsEvidence() {
        RecordingFacts facts = CompliantRecording.facts(CompliantRecording.recording(
                CompliantRecording.item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", "Clinical Recording - 8 Years",
                        Duration.ofDays(30), Map.of("ConsentRecorded", "Yes")), "consultation-video", List.of()),
                CompliantRecording.approvedSite(), List.of());
        assertThat(run(new RecordingWithoutConsentEvidenceCheck(new ConsentEvidence(POLICY, CompliantRecording.FINGERPRINT)),
                facts)).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void flagsUnregisteredSiteHoldingRecordings() {
        LocationFacts place = CompliantRecording.place(CompliantRecording.site(
                "https://smallclinic.sharepoint.com/sites/PhysioVideoClinic", LocationKind.GROUP_SITE, ContainerLabel.none()), 3);
        FindingDraft finding = new UnregisteredSiteHoldsRecordingsCheck().evaluate(place,
                rule(FindingType.UNREGISTERED_SITE_HOLDS_RECORDINGS)).findings().get(0);
        assertThat(finding.title()).isEqualTo("Somewhere holds patient recordings but compliance has not registered it.");
        assertThat(finding.resource().itemId()).isNull();
        assertThat(finding.details()).containsEntry("recordings", 3);
    }

    @Test
    void registeredSiteIsNotUnregistered() {
        assertThat(new UnregisteredSiteHoldsRecordingsCheck().evaluate(CompliantRecording.place(CompliantRecording.approvedSite(), 5),
                rule(FindingType.UNREGISTERED_SITE_HOLDS_RECORDINGS))).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void flagsTeamSiteWithoutSensitivityLabel() {
        LocationFacts place = CompliantRecording.place(CompliantRecording.site(SITE(), LocationKind.GROUP_SITE,
                ContainerLabel.none()), 2);
        FindingDraft finding = new LocationWithoutSensitivityLabelCheck(LABELS).evaluate(place,
                rule(FindingType.LOCATION_WITHOUT_SENSITIVITY_LABEL)).findings().get(0);
        assertThat(finding.title()).isEqualTo("Somewhere holds patient recordings but has no sensitivity label.");
    }

    @Test
    void flagsTeamSiteLabelledBelowTheRequiredLevel() {
        LocationFacts place = CompliantRecording.place(CompliantRecording.site(SITE(), LocationKind.GROUP_SITE,
                ContainerLabel.of("label-2", "General")), 2);
        FindingDraft finding = new LocationWithoutSensitivityLabelCheck(LABELS).evaluate(place,
                rule(FindingType.LOCATION_WITHOUT_SENSITIVITY_LABEL)).findings().get(0);
        assertThat(finding.title()).contains("under the sensitivity label \"General\"");
    }

    @Test
    void siteWithoutGroupIsNotEvaluatedForSensitivityLabel() {
        LocationFacts place = CompliantRecording.place(CompliantRecording.site(SITE(), LocationKind.SHAREPOINT_SITE,
                ContainerLabel.notExposed()), 2);
        CheckOutcome outcome = new LocationWithoutSensitivityLabelCheck(LABELS).evaluate(place,
                rule(FindingType.LOCATION_WITHOUT_SENSITIVITY_LABEL));
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.notEvaluated()).isEqualTo("Graph does not expose the sensitivity label of a site without a"
                + " Microsoft 365 group.");
    }

    @Test
    void approvedSiteWithTheRequiredLabelPasses() {
        assertThat(new LocationWithoutSensitivityLabelCheck(LABELS).evaluate(CompliantRecording.place(
                CompliantRecording.approvedSite(), 4), rule(FindingType.LOCATION_WITHOUT_SENSITIVITY_LABEL)))
                .isEqualTo(CheckOutcome.PASS);
    }

    private static String SITE() {
        return "https://smallclinic.sharepoint.com/sites/Somewhere";
    }
}
