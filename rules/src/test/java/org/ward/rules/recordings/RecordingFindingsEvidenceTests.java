package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.facts.ClassificationEvidence;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.findings.FindingDraft;

/** Every finding about a recording carries the recording's classification evidence; findings about places do not. */
class RecordingFindingsEvidenceTests {

    @Test
    void everyFindingAboutTheRecordingCarriesItsEvidenceAndPlaceFindingsDoNot() {
        ClassificationEvidence evidence = new ClassificationEvidence(true, "consultation-video", "Video consultation", 85, 60,
                List.of(new ClassificationEvidence.Contribution("context-keyword", "Consultations", "folder path", 30,
                        "keyword \"Consultations\" in the folder path \"/Consultations\"")), List.of(), List.of(), null,
                "= 85: reaches the threshold 60");
        ClassifiedItem unlabelled = CompliantRecording.recording(CompliantRecording.item("rec-1",
                "Consultation 999 *** **18.mp4", "video/mp4", null, Duration.ofDays(365), Map.of()), "consultation-video",
                List.of());
        ClassifiedItem withEvidence = new ClassifiedItem(unlabelled.item(), true, unlabelled.kind(), 85, unlabelled.reasons(),
                unlabelled.identifiers(), evidence);
        var unregistered = CompliantRecording.site("https://smallclinic.sharepoint.com/sites/Elsewhere",
                org.ward.rules.facts.LocationKind.SHAREPOINT_SITE, org.ward.rules.facts.ContainerLabel.none());
        RecordingAssessment assessment = new RecordingAssessment(CompliantRecording.CONTEXT);
        List<FindingDraft> found = new ArrayList<>();

        assessment.folder(unregistered, org.ward.rules.classify.LocationContext.of(unregistered, "Documents",
                CompliantRecording.POLICY.locations()), unregistered.webUrl(), List.of(withEvidence), found::add);
        List<FindingDraft> aboutTheRecording = List.copyOf(found);
        assessment.finish(found::add);

        assertThat(aboutTheRecording).isNotEmpty().allSatisfy(f -> assertThat(ClassificationEvidence.fromMap(
                (Map<?, ?>) f.details().get(FindingDraft.CLASSIFICATION))).isEqualTo(evidence));
        assertThat(found.subList(aboutTheRecording.size(), found.size())).isNotEmpty()
                .allSatisfy(f -> assertThat(f.details()).doesNotContainKey(FindingDraft.CLASSIFICATION));
    }
}
