package org.ward.rules.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ward.rules.sharing.SharingCatalogue.EXTERNAL_USER_ACCESS;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.rules.sharing.Membership.DirectoryUser;
import org.ward.rules.sharing.Membership.Status;

/** Who is a guest is Graph's word (user type, #EXT#, SharePoint's guest claim, verified domains), never a pack's list. */
class MembershipTests {

    private static final DirectoryUser ADA = new DirectoryUser("u-ada", "ada.lovelace@smallclinic.nhs.uk",
            "ada.lovelace@smallclinic.nhs.uk", "Member");
    private static final DirectoryUser DAN = new DirectoryUser("u-dan", "dan_northvale.nhs.uk#EXT#@smallclinic.onmicrosoft.com",
            "dan@northvale.nhs.uk", "Guest");
    private static final List<String> VERIFIED = List.of("smallclinic.onmicrosoft.com", "smallclinic.nhs.uk");

    private final Membership membership = new Membership(List.of(ADA, DAN), VERIFIED);

    @Test
    void aMemberIsAMemberByHerUserTypeWhateverHerDomain() {
        Membership noVerifiedDomains = new Membership(List.of(ADA), List.of());

        assertThat(noVerifiedDomains.status("u-ada", null, null)).isEqualTo(Status.MEMBER);
        assertThat(noVerifiedDomains.status(null, "Ada.Lovelace@SmallClinic.nhs.uk", null)).isEqualTo(Status.MEMBER);
    }

    @Test
    void aGuestIsAGuestByHisUserTypeEvenFromAPartnerDomain() {
        assertThat(membership.status("u-dan", null, null)).isEqualTo(Status.GUEST);
        assertThat(membership.status(null, "dan@northvale.nhs.uk", null)).isEqualTo(Status.GUEST);
    }

    @Test
    void theExtFormAndSharePointsGuestClaimMakeAGuest() {
        assertThat(membership.status(null, null, "i:0#.f|membership|eve_gmail.com#ext#@smallclinic.onmicrosoft.com"))
                .isEqualTo(Status.GUEST);
        assertThat(membership.status(null, null, "i:0#.f|membership|urn:spo:guest#eve@gmail.com")).isEqualTo(Status.GUEST);
        assertThat(membership.status(null, "eve_gmail.com#EXT#@smallclinic.onmicrosoft.com", null)).isEqualTo(Status.GUEST);
    }

    @Test
    void anAddressNoDirectoryUserHasIsJudgedByTheTenantsVerifiedDomains() {
        assertThat(membership.status(null, "reception@smallclinic.nhs.uk", null)).isEqualTo(Status.MEMBER);
        assertThat(membership.status(null, "someone@gmail.com", null)).isEqualTo(Status.GUEST);
    }

    @Test
    void withoutVerifiedDomainsAnUnknownAddressIsNotEvaluatedRatherThanCalledAGuest() {
        Membership blind = new Membership(List.of(ADA), null);

        assertThat(blind.status(null, "someone@gmail.com", null)).isEqualTo(Status.UNKNOWN);
        assertThat(blind.unjudged()).containsExactly("someone@gmail.com");
    }

    @Test
    void judgingReplacesTheCollectorsGuessWithGraphsWord() {
        // The collector guessed from a pack with no domains: every address looked foreign.
        AccessGrant owner = new AccessGrant("p1", List.of("owner"), AccessGrant.Kind.USER, "u-ada", "Ada Lovelace", null,
                "ada.lovelace@smallclinic.nhs.uk", true, null, null, null, null, null, List.of());

        assertThat(membership.judge(owner).guest()).isFalse();
        assertThat(membership.judge(SharedRecording.guest("g1", "someone@gmail.com")).guest()).isTrue();
    }

    @Test
    void aMembersOwnGrantIsNoExternalAccessWhateverThePacksDomains() {
        AccessGrant guessedGuest = new AccessGrant("p1", List.of("owner"), AccessGrant.Kind.USER, "u-ada", "Ada Lovelace", null,
                "ada.lovelace@smallclinic.nhs.uk", true, null, null, null, null, null, List.of());
        AccessGrant judged = membership.judge(guessedGuest);

        assertThat(SharedRecording.types(SharedRecording.with(judged))).doesNotContain(EXTERNAL_USER_ACCESS);
        assertThat(SharedRecording.types(SharedRecording.with(guessedGuest))).contains(EXTERNAL_USER_ACCESS);
    }

    @Test
    void aLinksRecipientsAreGuestsOnlyWhenGraphSaysSo() {
        AccessGrant link = new AccessGrant("l1", List.of("read"), AccessGrant.Kind.LINK, null, null, null, null, true, "users",
                "view", null, false, null, List.of("reception@smallclinic.nhs.uk", "someone@gmail.com"));
        Audience audience = Audience.of(List.of(link), Map.of(), SharedRecording.POLICY.sharing().everyone(), membership,
                SharedRecording.NOW);

        assertThat(audience.guests()).containsExactly("someone@gmail.com");
    }
}
