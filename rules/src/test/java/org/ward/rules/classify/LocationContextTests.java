package org.ward.rules.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.TestPolicies;

class LocationContextTests {

    private final PolicyPack upwell = TestPolicies.upwell();

    private static Location site(LocationKind kind, String url, String name) {
        return new Location("host,site,web", kind, name, url, null, null, null, null, List.of(), ContainerLabel.notExposed(),
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    @Test
    void registeredSiteIsApprovedForItsKinds() {
        LocationContext context = LocationContext.of(site(LocationKind.SHAREPOINT_SITE,
                "https://upwellhealth.sharepoint.com/sites/ResearchInterviews", "Research Interviews"), "Documents",
                upwell.locations());

        assertThat(context.registered()).isTrue();
        assertThat(context.approvedKinds()).containsExactly("research-interview");
    }

    @Test
    void oneDriveIsNotRegistered() {
        LocationContext context = LocationContext.of(site(LocationKind.ONEDRIVE,
                "https://upwellhealth-my.sharepoint.com/personal/jo_upwellhealth_nhs_uk", "Jo Bloggs"), "Documents",
                upwell.locations());

        assertThat(context.registered()).isFalse();
        assertThat(context.approvedFor("consultation-video")).isFalse();
    }
}
