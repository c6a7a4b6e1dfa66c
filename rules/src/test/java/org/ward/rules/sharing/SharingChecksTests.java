package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharedRecording.NOW;
import static org.ward.rules.sharing.SharedRecording.POLICY;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Severity;

class SharingChecksTests {

    private static List<FindingDraft> findings(RecordingAccess access) {
        return new SharingAssessment(POLICY, NOW).assess(access);
    }

    private static List<FindingType> types(RecordingAccess access) {
        return findings(access).stream().map(FindingDraft::type).toList();
    }

    @Test
    void recordingSharedOnlyWithItsSiteBreaksNoSharingRule() {
        assertThat(findings(SharedRecording.compliant())).isEmpty();
    }

    @Test
    void flagsAnonymousLinkOnRecording() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.link("anyone-1", "anonymous", "view",
                NOW.plus(Duration.ofDays(3))))).stream().filter(f -> f.type() == FindingType.ANONYMOUS_LINK).findFirst()
                .orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.discriminator()).isEqualTo("anyone-1");
        assertThat(finding.reasons()).contains("Who can reach it now: anyone with the link, without signing in; group"
                + " \"Clinical Recordings Owners\" (membership not visible in Graph); group \"Clinical Recordings\" (membership"
                + " not visible in Graph); group \"Clinical Recordings Visitors\" (membership not visible in Graph).");
    }

    @Test
    void expiredAnonymousLinkIsNotAFinding() {
        assertThat(findings(SharedRecording.with(SharedRecording.link("old", "anonymous", "view", NOW.minus(Duration.ofDays(1))))))
                .isEmpty();
    }

    @Test
    void flagsOrganisationLinkOnRecording() {
        assertThat(types(SharedRecording.with(SharedRecording.link("org-1", "organization", "view",
                NOW.plus(Duration.ofDays(10)))))).containsExactly(FindingType.ORGANIZATION_LINK);
    }

    @Test
    void flagsEditLinkOnRecording() {
        assertThat(types(SharedRecording.with(SharedRecording.link("edit-1", "users", "edit", NOW.plus(Duration.ofDays(10))))))
                .containsExactly(FindingType.EDIT_LINK_ON_RECORDING);
    }

    @Test
    void flagsLinkThatNeverExpires() {
        assertThat(types(SharedRecording.with(SharedRecording.link("people-1", "users", "view", null))))
                .containsExactly(FindingType.LINK_WITHOUT_EXPIRY);
    }

    @Test
    void flagsLinkExpiringLaterThanThePolicyAllows() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.link("people-2", "users", "view",
                NOW.plus(Duration.ofDays(90))))).get(0);
        assertThat(finding.type()).isEqualTo(FindingType.LINK_WITHOUT_EXPIRY);
        assertThat(finding.title()).isEqualTo("A link on a consultation video expires later than the policy allows.");
    }

    @Test
    void linkExpiringWithinTheMaximumIsNotAFinding() {
        assertThat(findings(SharedRecording.with(SharedRecording.link("people-3", "users", "view", NOW.plus(Duration.ofDays(20))))))
                .isEmpty();
    }

    @Test
    void flagsEveryoneExceptExternalUsersGrant() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.everyoneExceptExternalUsers())).get(0);
        assertThat(finding.type()).isEqualTo(FindingType.EVERYONE_GRANT);
        assertThat(finding.title()).isEqualTo("\"Everyone except external users\" can reach a consultation video.");
    }

    @Test
    void flagsGuestFromAStrangerDomain() {
        FindingDraft finding = findings(SharedRecording.with(SharedRecording.guest("g1", "someone@gmail.com"))).stream()
                .filter(f -> f.type() == FindingType.EXTERNAL_USER_ACCESS).findFirst().orElseThrow();
        assertThat(finding.reasons()).anyMatch(r -> r.startsWith("Outside the organisation and its partner trusts: someone@gmail.com"));
    }

    @Test
    void guestFromAPartnerTrustIsAllowed() {
        assertThat(types(SharedRecording.with(SharedRecording.guest("g2", "dan@northvale.nhs.uk"))))
                .doesNotContain(FindingType.EXTERNAL_USER_ACCESS);
    }

    @Test
    void flagsBrokenInheritanceThatLetsInSomeoneTheSiteDoesNot() {
        List<AccessGrant> unique = new ArrayList<>(SharedRecording.siteRoles(null));
        unique.add(SharedRecording.grant("extra", AccessGrant.Kind.USER, "user-9", "Locum Doctor", List.of("read"), null));
        assertThat(types(SharedRecording.access(unique))).containsExactly(FindingType.BROKEN_INHERITANCE_WIDENS_ACCESS);
    }

    @Test
    void brokenInheritanceWithOnlyTheSitesOwnGroupsIsNotAFinding() {
        assertThat(findings(SharedRecording.access(SharedRecording.siteRoles(null)))).isEmpty();
    }

    @Test
    void directGrantWhileInheritingIsNotBrokenInheritance() {
        assertThat(types(SharedRecording.with(SharedRecording.grant("extra", AccessGrant.Kind.USER, "user-9", "Locum Doctor",
                List.of("read"), null)))).doesNotContain(FindingType.BROKEN_INHERITANCE_WIDENS_ACCESS);
    }
}
