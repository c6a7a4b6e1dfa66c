package org.ward.rules.labels;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.check.CheckContext;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.facts.RetentionLabelState;
import org.ward.rules.facts.StoredIdentifier;
import org.ward.rules.policy.BuiltInPacks;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyLoader;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * The named fixture for label checks: in the approved Clinical Recordings site, a consultation video labelled as its
 * kind needs, and beside it a consent form naming the patient that carries "Confidential\Patient Data", the label the
 * nhs-england pack asks of files beside consultation videos. Each test changes one thing.
 */
final class LabelledSurroundings {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final PolicyPack POLICY = new PolicyLoader(BuiltInPacks.directory(Path.of("../policies")))
            .loadFile(Path.of("src/test/resources/policy/clinic-policy.yaml"));
    static final CheckContext CONTEXT = CheckContext.of(POLICY, NOW);
    static final String PATIENT_DATA = "Confidential\\Patient Data";

    private LabelledSurroundings() {
    }

    static Rule rule(FindingType type) {
        return POLICY.rule(type).orElseThrow();
    }

    static Location site() {
        return new Location("site-1", LocationKind.GROUP_SITE, "Clinical Recordings",
                "https://smallclinic.sharepoint.com/sites/ClinicalRecordings", "group-1", "group-1", null, null,
                List.of("ada.lovelace@smallclinic.nhs.uk"), ContainerLabel.of("label-4", PATIENT_DATA), NOW.minus(Duration.ofDays(700)));
    }

    static ItemRecord item(String id, String name, String mime, String retentionLabel) {
        return new ItemRecord("drive-1", id, "folder-1", name, "/Consultations/" + name, false, mime, 1_000_000,
                NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(60)), null, null, "hash-" + id, null,
                mime.startsWith("video") ? new MediaFacets(false, true, false, false, 1_200_000L) : MediaFacets.NONE,
                retentionLabel, null, Map.of());
    }

    static ClassifiedItem consentForm() {
        return new ClassifiedItem(item("form-1", "Consent 999 *** **18.pdf", "application/pdf", null), false, null, 0, List.of(),
                List.of(new StoredIdentifier("NHS_NUMBER", "999 *** **18", "hmac-sha256:patient-0018", "file name")));
    }

    static ClassifiedItem recording(String retentionLabel) {
        return new ClassifiedItem(item("rec-1", "Consultation 999 *** **18.mp4", "video/mp4", retentionLabel), true,
                "consultation-video", 85, List.of("video MIME type"), List.of());
    }

    /** The consent form as Ward read it: a label, by id and (from the tenant's catalogue) name. */
    static PatientFileFacts consentFormLabelled(String labelId, String labelName) {
        return new PatientFileFacts(consentForm(), site(), site().webUrl() + "/Shared%20Documents", Set.of("consultation-video"),
                null, labelId, labelName);
    }

    static PatientFileFacts labelled() {
        return consentFormLabelled("label-4", PATIENT_DATA);
    }

    static RecordLabelFacts recordingCarrying(RetentionLabelState label) {
        return new RecordLabelFacts(recording(label.name()), site(), site().webUrl() + "/Shared%20Documents", label);
    }
}
