package org.ward.rules.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.recordings.CompliantRecording.CONTEXT;
import static org.ward.rules.recordings.CompliantRecording.rule;
import static org.ward.rules.recordings.RecordingsCatalogue.LOCATION_WITHOUT_SENSITIVITY_LABEL;

import org.junit.jupiter.api.Test;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;

/** LOCATION_WITHOUT_SENSITIVITY_LABEL, over the named fixture {@link CompliantRecording}. */
class LocationWithoutSensitivityLabelCheckTests {

    private static CheckOutcome run(LocationFacts place) {
        return new LocationWithoutSensitivityLabelCheck().evaluate(place, rule(LOCATION_WITHOUT_SENSITIVITY_LABEL), CONTEXT);
    }

    @Test
    void flagsTeamSiteWithoutSensitivityLabel() {
        LocationFacts place = CompliantRecording.place(CompliantRecording.site(SITE(), LocationKind.GROUP_SITE,
                ContainerLabel.none()), 2);
        FindingDraft finding = run(place).findings().get(0);
        assertThat(finding.title()).isEqualTo("Somewhere holds patient recordings but has no sensitivity label.");
    }

    @Test
    void flagsTeamSiteLabelledBelowTheRequiredLevel() {
        LocationFacts place = CompliantRecording.place(CompliantRecording.site(SITE(), LocationKind.GROUP_SITE,
                ContainerLabel.of("label-2", "General")), 2);
        FindingDraft finding = run(place).findings().get(0);
        assertThat(finding.title()).contains("under the sensitivity label \"General\"");
    }

    @Test
    void siteWithoutGroupIsNotEvaluatedForSensitivityLabel() {
        LocationFacts place = CompliantRecording.place(CompliantRecording.site(SITE(), LocationKind.SHAREPOINT_SITE,
                ContainerLabel.notExposed()), 2);
        CheckOutcome outcome = run(place);
        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.notEvaluated()).isEqualTo("Graph does not expose the sensitivity label of a site without a"
                + " Microsoft 365 group.");
    }

    @Test
    void approvedSiteWithTheRequiredLabelPasses() {
        assertThat(run(CompliantRecording.place(CompliantRecording.approvedSite(), 4))).isEqualTo(CheckOutcome.PASS);
    }

    private static String SITE() {
        return "https://smallclinic.sharepoint.com/sites/Somewhere";
    }
}
