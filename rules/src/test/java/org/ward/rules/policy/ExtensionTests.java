package org.ward.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;

import org.junit.jupiter.api.Test;
import org.ward.rules.Catalogues;
import org.ward.rules.identity.IdentityCatalogue;
import org.ward.rules.sharing.SharingCatalogue;

/** The example organisation file extends nhs-england: only what it lists changes. */
class ExtensionTests {

    private final PolicyPack upwell = TestPolicies.upwell();
    private final PolicyPack base = TestPolicies.nhsEngland();

    @Test
    void extensionOverridesARuleSeverityById() {
        assertThat(upwell.rule(SharingCatalogue.ORGANIZATION_LINK).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void overriddenRuleKeepsEverythingElseFromTheBasePack() {
        Rule rule = upwell.rule(SharingCatalogue.ORGANIZATION_LINK).orElseThrow();

        assertThat(rule).usingRecursiveComparison().ignoringFields("severity")
                .isEqualTo(base.rule(SharingCatalogue.ORGANIZATION_LINK).orElseThrow());
    }

    @Test
    void extensionDisablesARule() {
        assertThat(upwell.rule(IdentityCatalogue.RISKY_USER).orElseThrow().enabled()).isFalse();
    }

    @Test
    void extensionAddsApprovedLocations() {
        assertThat(upwell.locations().approved()).extracting(ApprovedLocation::id)
                .containsExactly("clinical-recordings", "research-interviews", "student-assessments");
    }

    @Test
    void serverRelativeLocationMatchesOnTheTenantsSharePointHost() {
        assertThat(upwell.locations().matching("https://upwellhealth.sharepoint.com/sites/ClinicalRecordings", "Documents"))
                .extracting(ApprovedLocation::id).containsExactly("clinical-recordings");
    }

    @Test
    void locationOnAnotherHostDoesNotMatch() {
        assertThat(upwell.locations().matching("https://elsewhere.sharepoint.com/sites/ClinicalRecordings", "Documents"))
                .isEmpty();
    }

    @Test
    void siteWithALongerNameDoesNotMatch() {
        assertThat(upwell.locations().matching("https://upwellhealth.sharepoint.com/sites/ClinicalRecordingsOld", null))
                .isEmpty();
    }

    @Test
    void extensionAddsPartnerDomainForGuests() {
        assertThat(upwell.sharing().isPartner("dr.khan@northvale.nhs.uk")).isTrue();
    }

    @Test
    void otherDomainsAreNotPartners() {
        assertThat(upwell.sharing().isPartner("someone@gmail.com")).isFalse();
    }

    @Test
    void labelOverrideMergesWithTheBaseEntryByKey() {
        assertThat(upwell.labels().forKind("consultation-video")).contains(
                new KindLabels("UHC Clinical Recording 8y", "Confidential\\Patient Data", "Confidential\\Patient Data"));
    }

    @Test
    void kindsTheExtensionDoesNotMentionKeepTheBaseLabels() {
        assertThat(upwell.labels().forKind("cctv")).isEqualTo(base.labels().forKind("cctv"));
    }

    @Test
    void extensionShortensCctvRetention() {
        assertThat(upwell.retention().forKind("cctv").orElseThrow().maximumAge()).isEqualTo(Period.ofDays(28));
    }

    @Test
    void retentionTheExtensionDoesNotMentionComesFromTheBasePack() {
        assertThat(upwell.retention().forKind("consultation-video").orElseThrow().maximumAge()).isEqualTo(Period.ofYears(8));
    }

    @Test
    void extendedPackHasItsOwnIdentityAndNamesBothFiles() {
        assertThat(upwell.id()).isEqualTo("upwell-health");
        assertThat(upwell.extendsRef()).isEqualTo("nhs-england");
        assertThat(upwell.sources()).containsExactly("../policies/nhs-england.yaml", "../policies/examples/upwell-health.yaml");
    }

    @Test
    void extendedPackStillHasOneRulePerFindingType() {
        assertThat(upwell.rules()).hasSize(Catalogues.all().size());
    }

    @Test
    void tenantComesFromTheOrganisationFile() {
        assertThat(upwell.tenant().domains()).containsExactly("upwellhealth.onmicrosoft.com", "upwellhealth.nhs.uk");
    }
}
