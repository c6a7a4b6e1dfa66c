package org.ward.connector.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.sharing.SharingCatalogue;

/** A finding's owners, as a site owner asks for their own findings. */
class FindingOwnersTests {

    @Test
    void ownersAreTheCommaSeparatedNames() {
        assertThat(FindingOwners.of(RemediationPlannerTests.finding(SharingCatalogue.ANONYMOUS_LINK, Map.of())).upns())
                .containsExactly("ada.lovelace@smallclinic.nhs.uk", "ben.okri@smallclinic.nhs.uk");
    }

    @Test
    void anOwnerIsRecognisedWhateverTheCase() {
        assertThat(FindingOwners.of(RemediationPlannerTests.finding(SharingCatalogue.ANONYMOUS_LINK, Map.of()))
                .includes(" Ben.Okri@SmallClinic.NHS.uk")).isTrue();
    }

    @Test
    void someoneElseIsNotAnOwner() {
        assertThat(FindingOwners.of(RemediationPlannerTests.finding(SharingCatalogue.ANONYMOUS_LINK, Map.of()))
                .includes("ben.okri@smallclinic.nhs")).isFalse();
    }
}
