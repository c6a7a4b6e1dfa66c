package org.ward.connector.remediate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ward.rules.Catalogues;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.identity.IdentityCatalogue;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Severity;
import org.ward.rules.policy.TestPolicies;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;

/** Which action Ward plans for each finding type, from the facts the checks stored. Pure. */
class RemediationPlannerTests {

    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    static final PolicyPack NHS = TestPolicies.nhsEngland();

    final RemediationPlanner planner = new RemediationPlanner();

    @ParameterizedTest
    @EnumSource(value = SharingCatalogue.class, names = {"ANONYMOUS_LINK", "ORGANIZATION_LINK", "EDIT_LINK_ON_RECORDING"})
    void forbiddenLinkIsRemovedFromWhereItIsSet(FindingType type) {
        RemediationAction action = plan(type, link("anonymous", "view", "rec-1")).action();
        assertThat(action).isInstanceOf(RemoveLink.class);
        assertThat(action.requests()).containsExactly(new GraphRequest("DELETE", "/drives/drive-1/items/rec-1/permissions/p-1"));
    }

    @Test
    void linkInheritedFromAFolderIsRemovedOnTheFolder() {
        RemediationAction action = plan(SharingCatalogue.ANONYMOUS_LINK, link("anonymous", "view", "folder-9")).action();
        assertThat(action.requests()).containsExactly(new GraphRequest("DELETE", "/drives/drive-1/items/folder-9/permissions/p-1"));
        assertThat(action.describe()).contains("folder above the recording");
    }

    @Test
    void linkWithoutExpiryIsReplacedByOneOfTheSameTypeAndScopeExpiringAtThePolicysMaximum() {
        RemediationAction action = plan(SharingCatalogue.LINK_WITHOUT_EXPIRY, link("users", "view", "rec-1")).action();
        assertThat(action).isInstanceOfSatisfying(ReplaceLink.class, replace -> {
            assertThat(replace.type()).isEqualTo("view");
            assertThat(replace.scope()).isEqualTo("users");
            assertThat(replace.maximum()).isEqualTo(Period.ofDays(30));
            assertThat(replace.expiresAt()).isEqualTo(Instant.parse("2026-12-20T10:00:00Z"));
        });
        assertThat(action.requests()).containsExactly(new GraphRequest("POST", "/drives/drive-1/items/rec-1/createLink"),
                new GraphRequest("DELETE", "/drives/drive-1/items/rec-1/permissions/p-1"));
    }

    @Test
    void replacingALinkSaysItsUrlChanges() {
        assertThat(plan(SharingCatalogue.LINK_WITHOUT_EXPIRY, link("users", "view", "rec-1")).action().warnings())
                .singleElement().asString().startsWith("The link's URL changes: Graph cannot change a link's expiry in place");
    }

    @Test
    void replacementIsDescribedInThePersonsWords() {
        assertThat(plan(SharingCatalogue.LINK_WITHOUT_EXPIRY, link("users", "view", "rec-1")).action().describe())
                .isEqualTo("Replace the specific-people view link (permission p-1) on the recording with a new"
                        + " specific-people view link for the same people that expires 2026-12-20 (the policy's maximum"
                        + " of P30D), then remove the old link.");
    }

    @Test
    void anyoneLinkWithoutExpiryIsRemovedNeverRecreated() {
        RemediationAction action = plan(SharingCatalogue.LINK_WITHOUT_EXPIRY, link("anonymous", "view", "rec-1")).action();
        assertThat(action).isInstanceOf(RemoveLink.class);
        assertThat(action.describe()).contains("never recreates an Anyone link");
    }

    @Test
    void organisationLinkWithoutExpiryIsRemovedWhenThePolicyForbidsOrganisationLinks() {
        assertThat(plan(SharingCatalogue.LINK_WITHOUT_EXPIRY, link("organization", "view", "rec-1")).action())
                .isInstanceOf(RemoveLink.class);
    }

    @Test
    void organisationLinkWithoutExpiryIsReplacedWhenThePolicyAllowsThem(@TempDir Path dir) throws Exception {
        Path pack = dir.resolve("allows-org-links.yaml");
        Files.writeString(pack, """
                schemaVersion: 1
                id: allows-org-links
                title: Allows organisation links
                version: "1"
                extends: nhs-england
                sharing:
                  forbidOrganizationLinks: false
                  maximumLinkExpiry: P14D
                """);
        PolicyPack lenient = TestPolicies.loader().loadFile(pack);
        RemediationAction action = planner.plan(finding(SharingCatalogue.LINK_WITHOUT_EXPIRY, link("organization", "view", "rec-1")),
                lenient, NOW).action();
        assertThat(action).isInstanceOfSatisfying(ReplaceLink.class, replace -> {
            assertThat(replace.scope()).isEqualTo("organization");
            assertThat(replace.expiresAt()).isEqualTo(Instant.parse("2026-12-04T10:00:00Z"));
        });
    }

    @Test
    void editLinkWithoutExpiryIsRemovedWhenThePolicyForbidsEditLinks() {
        assertThat(plan(SharingCatalogue.LINK_WITHOUT_EXPIRY, link("users", "edit", "rec-1")).action()).isInstanceOf(RemoveLink.class);
    }

    @ParameterizedTest
    @EnumSource(value = SharingCatalogue.class, names = {"EVERYONE_GRANT", "BROKEN_INHERITANCE_WIDENS_ACCESS"})
    void wideningGrantIsRemoved(FindingType type) {
        RemediationAction action = plan(type, grant("folder-9")).action();
        assertThat(action).isInstanceOf(RemoveGrant.class);
        assertThat(action.requests()).containsExactly(new GraphRequest("DELETE", "/drives/drive-1/items/folder-9/permissions/p-1"));
    }

    @Test
    void guestsGrantIsRemoved() {
        assertThat(plan(SharingCatalogue.EXTERNAL_USER_ACCESS, grant("rec-1")).action()).isInstanceOf(RemoveGrant.class);
    }

    @Test
    void specificPeopleLinkGivenToAStrangerIsRemoved() {
        assertThat(plan(SharingCatalogue.EXTERNAL_USER_ACCESS, link("users", "view", "rec-1")).action()).isInstanceOf(RemoveLink.class);
    }

    @ParameterizedTest
    @EnumSource(value = CopiesCatalogue.class, names = {"TEMPORARY_COPY_IN_ONEDRIVE", "COPY_LEFT_AFTER_UPLOAD"})
    void copyIsNeverDeletedAndItsOwnerIsTold(FindingType type) {
        RemediationPlan plan = plan(type, Map.of());
        assertThat(plan.action()).isInstanceOfSatisfying(NoAutomatedAction.class, none -> {
            assertThat(none.why()).startsWith("Ward deletes nothing");
            assertThat(none.tell()).containsExactly("ada.lovelace@smallclinic.nhs.uk", "ben.okri@smallclinic.nhs.uk");
        });
        assertThat(plan.action().requests()).isEmpty();
        assertThat(plan.remediation()).isEqualTo(NHS.rule(type).orElseThrow().remediation().strip());
    }

    @ParameterizedTest
    @EnumSource(value = RecordingsCatalogue.class, names = {"RECORDING_OUTSIDE_APPROVED_LOCATION", "UNREGISTERED_SITE_HOLDS_RECORDINGS",
        "RECORDING_WITHOUT_CONSENT_EVIDENCE", "LOCATION_WITHOUT_SENSITIVITY_LABEL", "RECORDING_PAST_RETENTION"})
    void whereAndHowRecordingsAreKeptIsLeftToTheOwnerWithTheRulesRemediation(FindingType type) {
        RemediationPlan plan = plan(type, Map.of());
        assertThat(plan.automated()).isFalse();
        assertThat(plan.action().describe()).contains("Tell ada.lovelace@smallclinic.nhs.uk");
        assertThat(plan.remediation()).isNotBlank().isEqualTo(NHS.rule(type).orElseThrow().remediation().strip());
    }

    @ParameterizedTest
    @EnumSource(value = IdentityCatalogue.class, names = {"MFA_NOT_REGISTERED", "ADMIN_WITHOUT_MFA", "RISKY_USER"})
    void identityFindingsHaveNoAutomatedAction(FindingType type) {
        assertThat(plan(type, Map.of()).action()).isInstanceOf(NoAutomatedAction.class);
    }

    @Test
    void labelFindingIsLeftToWardProtectWithTheRequestItWouldMake() {
        RemediationPlan plan = plan(RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL,
                Map.of("requiredLabel", "Clinical Recording - 8 Years"));
        assertThat(plan.action()).isInstanceOfSatisfying(LabelByProtect.class, label -> {
            assertThat(label.kind()).isEqualTo("apply-retention-label");
            assertThat(label.describe()).contains("ward protect applies \"Clinical Recording - 8 Years\"");
            assertThat(label.requests()).containsExactly(new GraphRequest("PATCH", "/drives/drive-1/items/rec-1/retentionLabel"));
        });
    }

    @Test
    void everyFindingTypeIsPlannedAsItsCatalogueLineSays() {
        for (FindingType type : Catalogues.all()) {
            Map<String, Object> details = link("users", "view", "rec-1");
            details.put("requiredLabel", "Some label");
            RemediationPlan plan = plan(type, details);

            assertThat(plan.automated()).as(type.name()).isEqualTo(type.remediation().automated());
            if (!type.remediation().automated()) {
                assertThat(((NoAutomatedAction) plan.action()).why()).as(type.name()).isEqualTo(type.remediation().ownerAdvice());
            }
        }
    }

    @Test
    void onlyIdentityFindingsAreSentToEntra() {
        for (FindingType type : Catalogues.all()) {
            String described = plan(type, link("users", "view", "rec-1")).action().describe();

            assertThat(described.contains("Microsoft Entra ID")).as(type.name()).isEqualTo(type instanceof IdentityCatalogue);
        }
    }

    @Test
    void sharingFindingThatNamesNoPermissionIsNotActedOn() {
        assertThat(plan(SharingCatalogue.ANONYMOUS_LINK, Map.of()).action()).isInstanceOfSatisfying(NoAutomatedAction.class,
                none -> assertThat(none.why()).contains("does not say which permission"));
    }

    @Test
    void ownerlessFindingSaysWhomToAsk() {
        Finding ownerless = new Finding("F-1", CopiesCatalogue.COPY_LEFT_AFTER_UPLOAD, Severity.HIGH, "r", FindingStatus.OPEN,
                "t", List.of(), new FindingResource("s", "drive-1", "rec-1", "https://x", "/a.mp4"), null, Map.of(), NOW, NOW,
                null, null, null, null);
        assertThat(planner.plan(ownerless, NHS, NOW).action().describe()).contains("ask its site administrator");
    }

    @Test
    void wardNeverAsksForAnAnyoneLink() {
        assertThatThrownBy(() -> new LinkRequest("view", "anonymous", NOW, List.of()))
                .hasMessage("Ward never creates an Anyone link.");
    }

    private RemediationPlan plan(FindingType type, Map<String, Object> details) {
        return planner.plan(finding(type, details), NHS, NOW);
    }

    static Finding finding(FindingType type, Map<String, Object> details) {
        return new Finding("F-00000000000000a1", type, Severity.HIGH, "rule", FindingStatus.OPEN, "title", List.of(),
                new FindingResource("site-1", "drive-1", "rec-1", "https://clinic.example/sites/x", "/a.mp4"),
                "ada.lovelace@smallclinic.nhs.uk, ben.okri@smallclinic.nhs.uk", details, NOW, NOW, null, null, null, null);
    }

    static Map<String, Object> link(String scope, String type, String setOn) {
        Map<String, Object> details = grant(setOn);
        details.put("linkScope", scope);
        details.put("linkType", type);
        details.put("grant", "a link (" + type + ", no expiry)");
        return details;
    }

    static Map<String, Object> grant(String setOn) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("permissionId", "p-1");
        details.put("setOn", setOn);
        details.put("grant", "a read grant to guest eve@stranger.example");
        details.put("expires", "never");
        return details;
    }
}
