package org.ward.rules.sharing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ward.rules.check.CheckContext;
import org.ward.rules.facts.ContainerLabel;
import org.ward.rules.facts.ItemRecord;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.facts.MediaFacets;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.policy.BuiltInPacks;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyLoader;
import org.ward.rules.policy.PolicyPack;

/**
 * The named fixture for sharing checks: a consultation video in the clinic's Clinical Recordings team site whose only
 * permissions are the site's own (owners' SharePoint group, the team's Microsoft 365 group, visitors), inherited from
 * the library. It breaks no sharing rule; each test adds one grant.
 */
final class SharedRecording {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final PolicyPack POLICY = new PolicyLoader(BuiltInPacks.directory(Path.of("../policies")))
            .loadFile(Path.of("src/test/resources/policy/clinic-policy.yaml"));
    static final String TEAM_GROUP = "group-clinical";

    private SharedRecording() {
    }

    /** What the sharing checks the pack enables find on the recording. */
    static List<FindingDraft> findings(RecordingAccess access) {
        return SharingCatalogue.checks(CheckContext.of(POLICY, NOW)).findings(access, access.recording().item().path());
    }

    static List<FindingType> types(RecordingAccess access) {
        return findings(access).stream().map(FindingDraft::type).toList();
    }

    static Location site() {
        return new Location("site-1", LocationKind.GROUP_SITE, "Clinical Recordings",
                "https://smallclinic.sharepoint.com/sites/ClinicalRecordings", TEAM_GROUP, TEAM_GROUP, null, null,
                List.of("ada.lovelace@smallclinic.nhs.uk"), ContainerLabel.none(), NOW.minus(Duration.ofDays(400)));
    }

    static List<AccessGrant> siteRoles(String inheritedFrom) {
        return List.of(
                grant("owners", AccessGrant.Kind.SITE_GROUP, "3", "Clinical Recordings Owners", List.of("owner"), inheritedFrom),
                grant("members", AccessGrant.Kind.GROUP, TEAM_GROUP, "Clinical Recordings", List.of("write"), inheritedFrom),
                grant("visitors", AccessGrant.Kind.SITE_GROUP, "5", "Clinical Recordings Visitors", List.of("read"), inheritedFrom));
    }

    static AccessGrant grant(String id, AccessGrant.Kind kind, String principalId, String name, List<String> roles,
            String inheritedFrom) {
        return new AccessGrant(id, roles, kind, principalId, name, null, null, false, null, null, null, null, inheritedFrom,
                List.of());
    }

    static AccessGrant link(String id, String scope, String type, Instant expires) {
        return new AccessGrant(id, List.of("edit".equals(type) ? "write" : "read"), AccessGrant.Kind.LINK, null, null, null, null,
                false, scope, type, expires, false, null, List.of());
    }

    static AccessGrant guest(String id, String email) {
        return new AccessGrant(id, List.of("read"), AccessGrant.Kind.USER, "user-" + id, email, "i:0#.f|membership|"
                + email.replace('@', '_') + "#ext#@smallclinic.onmicrosoft.com", email, true, null, null, null, null, null,
                List.of());
    }

    static AccessGrant everyoneExceptExternalUsers() {
        return new AccessGrant("eeeu", List.of("read"), AccessGrant.Kind.SITE_USER, "c:0-.f|rolemanager|spo-grid-all-users/t",
                "Everyone except external users", "c:0-.f|rolemanager|spo-grid-all-users/t", null, false, null, null, null, null,
                "root", List.of());
    }

    static RecordingAccess compliant() {
        return with();
    }

    /** The recording with its site's roles inherited from the library root, plus the given grants. */
    static RecordingAccess with(AccessGrant... extra) {
        List<AccessGrant> grants = new ArrayList<>(siteRoles("root"));
        grants.addAll(List.of(extra));
        return access(grants);
    }

    static RecordingAccess access(List<AccessGrant> grants) {
        ItemRecord item = new ItemRecord("drive-1", "rec-1", "folder-1", "Consultation 999 *** **18.mp4",
                "/Consultations/Consultation 999 *** **18.mp4", false, "video/mp4", 1_000_000, NOW.minus(Duration.ofDays(30)),
                NOW.minus(Duration.ofDays(30)), null, null, "hash", null, new MediaFacets(false, true, false, false, null),
                null, null, Map.of());
        ClassifiedItem row = new ClassifiedItem(item, true, "consultation-video", 85, List.of(), List.of());
        Location site = site();
        Audience audience = Audience.of(grants, Map.of(), POLICY.sharing().everyone(), NOW);
        return new RecordingAccess(row, site, FindingResource.ofItem(site.siteId(), site.webUrl(), site.webUrl() + "/Documents",
                item), "ada.lovelace@smallclinic.nhs.uk", grants, audience, Map.of());
    }
}
