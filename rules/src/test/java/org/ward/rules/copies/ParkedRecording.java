package org.ward.rules.copies;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.ward.rules.policy.PolicyLoader;
import org.ward.rules.policy.PolicyPack;

/**
 * The named fixture for copy checks: a Teams meeting recording in the Recordings folder of Ada's OneDrive, of a
 * given age, with its copies in approved places (none, unless a test adds them).
 */
final class ParkedRecording {

    static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    static final PolicyPack POLICY = new PolicyLoader(BuiltInPacks.directory(Path.of("../policies")))
            .loadFile(Path.of("src/test/resources/policy/clinic-policy.yaml"));

    static OneDriveRecording meetingRecording(Duration age, List<OneDriveRecording.ApprovedCopy> copies) {
        ItemRecord item = new ItemRecord("od-1", "rec-7", "folder-r", "Clinic huddle-20261101_090000-Meeting Recording.mp4",
                "/Recordings/Clinic huddle-20261101_090000-Meeting Recording.mp4", false, "video/mp4", 50_000_000,
                NOW.minus(age), NOW.minus(age), null, null, "hash-7", null, new MediaFacets(false, true, false, false, null),
                null, null, Map.of());
        Location oneDrive = new Location("od-site", LocationKind.ONEDRIVE, "OneDrive of Ada Lovelace",
                "https://smallclinic-my.sharepoint.com/personal/ada", null, null, null, "ada.lovelace@smallclinic.nhs.uk",
                List.of("ada.lovelace@smallclinic.nhs.uk"), ContainerLabel.notExposed(), NOW.minus(Duration.ofDays(500)));
        ClassifiedItem row = new ClassifiedItem(item, true, "teams-meeting-recording", 80, List.of(), List.of());
        return new OneDriveRecording(row, oneDrive, FindingResource.ofItem(oneDrive.siteId(), oneDrive.webUrl(),
                oneDrive.webUrl() + "/Documents", item), copies);
    }

    /** What the copy checks the pack enables find. */
    static List<FindingDraft> findings(OneDriveRecording copy) {
        return CopiesCatalogue.checks(CheckContext.of(POLICY, NOW)).findings(copy, copy.recording().item().path());
    }

    private ParkedRecording() {
    }
}
