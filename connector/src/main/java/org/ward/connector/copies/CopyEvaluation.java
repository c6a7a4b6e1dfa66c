package org.ward.connector.copies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.rules.check.CheckContext;
import org.ward.rules.check.EnabledChecks;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.copies.CopiesCatalogue;
import org.ward.rules.copies.OneDriveRecording;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;

/**
 * The copies checks (no Graph calls): recordings in OneDrives joined, by content hash, to their copies in approved
 * locations anywhere in the tenant, judged against the policy — for every OneDrive (the scan's step) or for the
 * OneDrives among some drives (ward serve's refresh of one place).
 */
final class CopyEvaluation {

    private final ItemStore items;
    private final PolicyPack policy;

    CopyEvaluation(ItemStore items, PolicyPack policy) {
        this.items = items;
        this.policy = policy;
    }

    /**
     * @param oneDrives the drives whose OneDrive recordings are judged; null for every drive
     * @param reconciler makes the reconciliation for the copies types the policy enables
     * @return the coverage gaps
     */
    List<String> evaluate(Collection<String> oneDrives, Map<String, Location> sites, Map<String, DiscoveredDrive> drives,
            Instant now, Function<Set<FindingType>, FindingStore.Reconciler> reconciler) {
        Map<String, List<OneDriveRecording.ApprovedCopy>> approvedByContent = new HashMap<>();
        List<ClassifiedItem> inOneDrives = new ArrayList<>();
        items.recordings(row -> {
            DiscoveredDrive drive = drives.get(row.item().driveId());
            Location location = drive == null ? null : sites.get(drive.siteId());
            if (location == null) {
                return;
            }
            if (location.kind() == LocationKind.ONEDRIVE) {
                if (oneDrives == null || oneDrives.contains(drive.driveId())) {
                    inOneDrives.add(row);
                }
            } else if (row.kind() != null && LocationContext.of(location, drive.name(), policy.locations(), sites.values())
                    .approvedFor(row.kind())) {
                for (String hash : contentKeys(row)) {
                    approvedByContent.computeIfAbsent(hash, k -> new ArrayList<>()).add(new OneDriveRecording.ApprovedCopy(
                            location.displayName(), location.webUrl(), row.item().path(), row.item().createdDateTime()));
                }
            }
        });
        EnabledChecks<OneDriveRecording> checks = CopiesCatalogue.checks(CheckContext.of(policy, now));
        FindingStore.Reconciler findings = reconciler.apply(checks.types());
        for (ClassifiedItem row : inOneDrives) {
            DiscoveredDrive drive = drives.get(row.item().driveId());
            Location oneDrive = sites.get(drive.siteId());
            List<OneDriveRecording.ApprovedCopy> copies = new ArrayList<>();
            for (String hash : contentKeys(row)) {
                copies.addAll(approvedByContent.getOrDefault(hash, List.of()));
            }
            checks.run(new OneDriveRecording(row, oneDrive,
                    FindingResource.ofItem(oneDrive.siteId(), oneDrive.webUrl(), drive.webUrl(), row.item()),
                    copies.stream().distinct().toList()), row.item().path(), findings::add);
        }
        findings.finish();
        return checks.notEvaluatedSentences();
    }

    /** quickXorHash always; sha256Hash too where SharePoint gives one. */
    private static List<String> contentKeys(ClassifiedItem row) {
        List<String> keys = new ArrayList<>();
        if (row.item().quickXorHash() != null) {
            keys.add("qx:" + row.item().quickXorHash());
        }
        if (row.item().sha256Hash() != null) {
            keys.add("sha256:" + row.item().sha256Hash());
        }
        return keys;
    }
}
