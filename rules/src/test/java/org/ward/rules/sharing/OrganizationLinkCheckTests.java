package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.NOW;
import static org.ward.rules.sharing.SharedRecording.types;
import static org.ward.rules.sharing.SharingCatalogue.ORGANIZATION_LINK;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** ORGANIZATION_LINK, judged with every sharing check the pack enables over the named fixture {@link SharedRecording}. */
class OrganizationLinkCheckTests {

    @Test
    void flagsOrganisationLinkOnRecording() {
        assertThat(types(SharedRecording.with(SharedRecording.link("org-1", "organization", "view",
                NOW.plus(Duration.ofDays(10)))))).containsExactly(ORGANIZATION_LINK);
    }
}
