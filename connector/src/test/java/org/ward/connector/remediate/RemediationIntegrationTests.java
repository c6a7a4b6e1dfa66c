package org.ward.connector.remediate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ward.connector.audit.AuditEntry;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.remediate.ClinicTenant.ItemAt;
import org.ward.connector.remediate.RemediationResult.Outcome;
import org.ward.connector.scan.ScanHarness;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.sharing.SharingCatalogue;
import org.ward.simulator.tenant.SharingPermission;

/** Remediation against the simulated clinic, through the SDK, Graph's answers and the audit log. */
class RemediationIntegrationTests {

    @TempDir
    Path dataDir;

    ClinicTenant clinic;
    Map<String, Object> enabled;

    @BeforeEach
    void scanTheClinic() {
        clinic = new ClinicTenant(dataDir);
        enabled = clinic.settings(ClinicTenant.FULL_CONTROL, true);
    }

    @AfterEach
    void stop() {
        clinic.close();
    }

    @Test
    void dryRunChangesNothingInTheTenant() {
        clinic.scan(enabled);
        ItemAt video = clinic.waitingRoom();
        Set<String> before = clinic.permissionIdsOn(video.driveId(), video.itemId());
        clinic.simulator().requestLog().clear();
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding link = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK);
            RemediationResult result = context.getBean(Remediator.class).preview(link.id());
            assertThat(result.outcome()).isEqualTo(Outcome.PREVIEWED);
            assertThat(result.before().linkScope()).isEqualTo("anonymous");
            assertThat(context.getBean(AuditLog.class).entries()).isEmpty();
        }
        assertThat(clinic.writes()).isEmpty();
        assertThat(clinic.permissionIdsOn(video.driveId(), video.itemId())).isEqualTo(before);
    }

    @Test
    void applyRemovesExactlyTheOnePermission() {
        clinic.scan(enabled);
        ItemAt video = clinic.waitingRoom();
        Set<String> before = clinic.permissionIdsOn(video.driveId(), video.itemId());
        String removed;
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding link = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK);
            removed = link.details().get("permissionId").toString();
            assertThat(context.getBean(Remediator.class).apply(link.id(), "alice").outcome()).isEqualTo(Outcome.APPLIED);
        }
        Set<String> expected = new HashSet<>(before);
        expected.remove(removed);
        assertThat(clinic.permissionIdsOn(video.driveId(), video.itemId())).isEqualTo(expected).isNotEqualTo(before);
        assertThat(clinic.writes()).singleElement().satisfies(w -> assertThat(w.method()).isEqualTo("DELETE"));
    }

    @Test
    void auditLogHasTheEntryWithWhoWhenRequestBeforeAndAfter() {
        clinic.scan(enabled);
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding link = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK);
            Instant start = Instant.now().minusSeconds(1);
            context.getBean(Remediator.class).apply(link.id(), "alice");
            AuditEntry entry = context.getBean(AuditLog.class).entriesFor(link.id()).get(0);
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.at()).isBetween(start, Instant.now());
            assertThat(entry.action()).isEqualTo("remove-link");
            assertThat(entry.request()).isEqualTo("DELETE /drives/" + link.resource().driveId() + "/items/"
                    + link.details().get("setOn") + "/permissions/" + link.details().get("permissionId"));
            assertThat(entry.before()).contains("\"linkScope\":\"anonymous\"").doesNotContain("https://");
            assertThat(entry.after()).isNull();
            assertThat(entry.outcome()).isEqualTo("applied");
        }
    }

    @Test
    void rescanConfirmsTheFixAndResolvesTheFinding() {
        clinic.scan(enabled);
        String id;
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            id = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK).id();
            context.getBean(Remediator.class).apply(id, "alice");
        }
        clinic.scan(enabled);
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            assertThat(context.getBean(FindingStore.class).find(id).status()).isEqualTo(FindingStatus.RESOLVED);
        }
    }

    @Test
    void applyMarksTheRecordingForAPermissionRereadOnTheNextScan() {
        clinic.scan(enabled);
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding link = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK);
            context.getBean(Remediator.class).apply(link.id(), "alice");
            Boolean needsRead = context.getBean(JdbcTemplate.class).queryForObject("SELECT needs_read FROM"
                    + " ward_access_state WHERE drive_id = ? AND item_id = ?", Boolean.class, link.resource().driveId(),
                    link.resource().itemId());
            assertThat(needsRead).isTrue();
        }
    }

    @Test
    void secondApplyIsANoOp() {
        clinic.scan(enabled);
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Remediator remediator = context.getBean(Remediator.class);
            Finding link = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK);
            remediator.apply(link.id(), "alice");
            clinic.simulator().requestLog().clear();
            RemediationResult again = remediator.apply(link.id(), "alice");
            assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_DONE);
            assertThat(again.notes()).singleElement().asString().contains("nothing to do");
            assertThat(clinic.writes()).isEmpty();
            assertThat(context.getBean(AuditLog.class).entries()).hasSize(1);
        }
    }

    @Test
    void refusalBecauseTheAppLacksPermissionIsClearAndChangesNothing() {
        Map<String, Object> readOnly = clinic.settings(ClinicTenant.READ_ONLY, true);
        clinic.scan(readOnly);
        ItemAt video = clinic.waitingRoom();
        Set<String> before = clinic.permissionIdsOn(video.driveId(), video.itemId());
        try (ConfigurableApplicationContext context = ScanHarness.start(readOnly)) {
            Finding link = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK);
            RemediationResult result = context.getBean(Remediator.class).apply(link.id(), "alice");
            assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(result.notes()).singleElement().asString()
                    .startsWith("Graph refused DELETE /drives/")
                    .contains("(403 accessDenied): the app lacks Files.ReadWrite.All (or Sites.ReadWrite.All)")
                    .contains("grant it with admin consent").endsWith("Nothing was changed.");
        }
        assertThat(clinic.permissionIdsOn(video.driveId(), video.itemId())).isEqualTo(before);
    }

    @Test
    void applyWithoutRemediationEnabledSaysSoAndTouchesNothing() {
        Map<String, Object> off = clinic.settings(ClinicTenant.FULL_CONTROL, false);
        clinic.scan(off);
        clinic.simulator().requestLog().clear();
        try (ConfigurableApplicationContext context = ScanHarness.start(off)) {
            Finding link = ClinicTenant.only(context, SharingCatalogue.ANONYMOUS_LINK);
            RemediationResult result = context.getBean(Remediator.class).apply(link.id(), "alice");
            assertThat(result.outcome()).isEqualTo(Outcome.NOT_ENABLED);
            assertThat(result.notes()).singleElement().asString().contains("ward.remediation.enabled=true");
        }
        assertThat(clinic.simulator().requestLog().entries()).isEmpty();
    }

    @Test
    void linkWithoutExpiryIsReplacedWithOneOfTheSameKindThatExpires() {
        SharingPermission old = clinic.shareWaitingRoomWithBenWithoutExpiry();
        clinic.scan(enabled);
        ItemAt video = clinic.waitingRoom();
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding noExpiry = ClinicTenant.onPermission(context, SharingCatalogue.LINK_WITHOUT_EXPIRY, old.id());
            assertThat(context.getBean(Remediator.class).apply(noExpiry.id(), "alice").outcome()).isEqualTo(Outcome.APPLIED);
        }
        assertThat(clinic.permissionIdsOn(video.driveId(), video.itemId())).doesNotContain(old.id());
        assertThat(clinic.permissionsOn(video.driveId(), video.itemId()))
                .filteredOn(p -> p.kind() == SharingPermission.Kind.LINK && p.link().scope().equals("users"))
                .singleElement().satisfies(p -> {
                    assertThat(p.link().type()).isEqualTo("view");
                    assertThat(p.recipients()).isEqualTo(old.recipients());
                    assertThat(p.expirationDateTime()).isCloseTo(Instant.now().plus(Duration.ofDays(30)),
                            org.assertj.core.api.Assertions.within(Duration.ofMinutes(5)));
                });
    }

    @Test
    void replacedLinkIsNoLongerAFindingAfterTheRescan() {
        SharingPermission old = clinic.shareWaitingRoomWithBenWithoutExpiry();
        clinic.scan(enabled);
        String id;
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            id = ClinicTenant.onPermission(context, SharingCatalogue.LINK_WITHOUT_EXPIRY, old.id()).id();
            context.getBean(Remediator.class).apply(id, "alice");
        }
        assertThat(clinic.scan(enabled)).filteredOn(f -> f.type() == SharingCatalogue.LINK_WITHOUT_EXPIRY)
                .extracting(f -> f.details().get("linkScope")).containsOnly("anonymous");
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            assertThat(context.getBean(FindingStore.class).find(id).status()).isEqualTo(FindingStatus.RESOLVED);
        }
    }

    @Test
    void replacementIsAuditedAsTheNewLinkThenTheOldLinksRemoval() {
        SharingPermission old = clinic.shareWaitingRoomWithBenWithoutExpiry();
        clinic.scan(enabled);
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding noExpiry = ClinicTenant.onPermission(context, SharingCatalogue.LINK_WITHOUT_EXPIRY, old.id());
            context.getBean(Remediator.class).apply(noExpiry.id(), "alice");
            assertThat(context.getBean(AuditLog.class).entriesFor(noExpiry.id())).extracting(AuditEntry::request)
                    .satisfiesExactly(r -> assertThat(r).startsWith("POST ").endsWith("/createLink"),
                            r -> assertThat(r).startsWith("DELETE ").endsWith("/permissions/" + old.id()));
            assertThat(context.getBean(AuditLog.class).entriesFor(noExpiry.id()).get(0).after())
                    .contains("\"linkScope\":\"users\"").contains("\"expires\":\"20");
        }
    }

    @Test
    void strangersGrantIsRemovedAndEveryOtherPermissionStays() {
        SharingPermission stranger = clinic.grantWaitingRoomToStranger();
        clinic.scan(enabled);
        ItemAt video = clinic.waitingRoom();
        Set<String> before = clinic.permissionIdsOn(video.driveId(), video.itemId());
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding external = ClinicTenant.onPermission(context, SharingCatalogue.EXTERNAL_USER_ACCESS, stranger.id());
            RemediationResult result = context.getBean(Remediator.class).apply(external.id(), "alice");
            assertThat(result.plan().action()).isInstanceOf(RemoveGrant.class);
        }
        Set<String> expected = new HashSet<>(before);
        expected.remove(stranger.id());
        assertThat(clinic.permissionIdsOn(video.driveId(), video.itemId())).isEqualTo(expected);
    }

    @Test
    void siteWideEveryoneGrantIsLeftToTheSiteOwner() {
        clinic.scan(enabled);
        clinic.simulator().requestLog().clear();
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding everyone = ClinicTenant.only(context, SharingCatalogue.EVERYONE_GRANT);
            RemediationResult result = context.getBean(Remediator.class).apply(everyone.id(), "alice");
            assertThat(result.outcome()).isEqualTo(Outcome.SITE_PERMISSION);
            assertThat(result.notes()).singleElement().asString().contains("site's own permissions");
            assertThat(context.getBean(AuditLog.class).entries()).isEmpty();
        }
        assertThat(clinic.writes()).isEmpty();
    }

    @Test
    void copyIsNeverDeletedAndItsOwnerIsNamed() {
        clinic.scan(enabled);
        clinic.simulator().requestLog().clear();
        try (ConfigurableApplicationContext context = ScanHarness.start(enabled)) {
            Finding copy = ClinicTenant.only(context, CopiesCatalogue.COPY_LEFT_AFTER_UPLOAD);
            RemediationResult result = context.getBean(Remediator.class).apply(copy.id(), "alice");
            assertThat(result.outcome()).isEqualTo(Outcome.NOT_AUTOMATED);
            assertThat(result.plan().action().describe()).contains("Ward deletes nothing")
                    .contains("ada.lovelace@smallclinic.nhs.uk");
        }
        assertThat(clinic.simulator().requestLog().entries()).isEmpty();
    }
}
