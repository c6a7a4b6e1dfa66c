package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.findings;
import static org.ward.rules.sharing.SharedRecording.types;
import static org.ward.rules.sharing.SharingCatalogue.BROKEN_INHERITANCE_WIDENS_ACCESS;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** BROKEN_INHERITANCE_WIDENS_ACCESS, judged with every sharing check the pack enables over the named fixture {@link SharedRecording}. */
class BrokenInheritanceWidensAccessCheckTests {

    @Test
    void flagsBrokenInheritanceThatLetsInSomeoneTheSiteDoesNot() {
        List<AccessGrant> unique = new ArrayList<>(SharedRecording.siteRoles(null));
        unique.add(SharedRecording.grant("extra", AccessGrant.Kind.USER, "user-9", "Locum Doctor", List.of("read"), null));
        assertThat(types(SharedRecording.access(unique))).containsExactly(BROKEN_INHERITANCE_WIDENS_ACCESS);
    }

    @Test
    void brokenInheritanceWithOnlyTheSitesOwnGroupsIsNotAFinding() {
        assertThat(findings(SharedRecording.access(SharedRecording.siteRoles(null)))).isEmpty();
    }

    @Test
    void directGrantWhileInheritingIsNotBrokenInheritance() {
        assertThat(types(SharedRecording.with(SharedRecording.grant("extra", AccessGrant.Kind.USER, "user-9", "Locum Doctor",
                List.of("read"), null)))).doesNotContain(BROKEN_INHERITANCE_WIDENS_ACCESS);
    }
}
