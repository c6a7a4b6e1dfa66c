package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.recordings.CompliantRecording.CONTEXT;
import static org.ward.rules.recordings.CompliantRecording.rule;
import static org.ward.rules.recordings.RecordingsCatalogue.UNREGISTERED_SITE_HOLDS_RECORDINGS;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;

/** UNREGISTERED_SITE_HOLDS_RECORDINGS, over the named fixture {@link CompliantRecording}. */
class UnregisteredSiteHoldsRecordingsCheckTests {

    private static CheckOutcome run(LocationFacts place) {
        return new UnregisteredSiteHoldsRecordingsCheck().evaluate(place, rule(UNREGISTERED_SITE_HOLDS_RECORDINGS), CONTEXT);
    }

    @Test
    void flagsUnregisteredSiteHoldingRecordings() {
        LocationFacts place = CompliantRecording.place(CompliantRecording.site(
                "https://smallclinic.sharepoint.com/sites/PhysioVideoClinic", LocationKind.GROUP_SITE, ContainerLabel.none()), 3);
        FindingDraft finding = run(place).findings().get(0);
        assertThat(finding.title()).isEqualTo("Somewhere holds patient recordings but compliance has not registered it.");
        assertThat(finding.resource().itemId()).isNull();
        assertThat(finding.details()).containsEntry("recordings", 3);
    }

    @Test
    void registeredSiteIsNotUnregistered() {
        assertThat(run(CompliantRecording.place(CompliantRecording.approvedSite(), 5))).isEqualTo(CheckOutcome.PASS);
    }

    @Test
    void listsTheKindsAPlaceHoldsInAlphabeticalOrder() {
        Location managers = CompliantRecording.site("https://smallclinic.sharepoint.com/sites/Managers",
                LocationKind.SHAREPOINT_SITE, ContainerLabel.notExposed());
        LocationFacts place = new LocationFacts(managers, LocationContext.of(managers, "Documents",
                CompliantRecording.POLICY.locations()), 2, new LinkedHashSet<>(List.of("teams-meeting-recording",
                "call-recording")), List.of());

        FindingDraft finding = run(place).findings().get(0);

        assertThat(finding.reasons().get(0)).isEqualTo("It holds 2 patient recordings (call-recording, teams-meeting-recording).");
        assertThat(finding.details()).containsEntry("kinds", List.of("call-recording", "teams-meeting-recording"));
    }
}
