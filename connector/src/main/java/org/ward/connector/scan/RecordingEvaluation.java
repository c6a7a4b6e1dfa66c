package org.ward.connector.scan;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongConsumer;

import org.ward.connector.discovery.DiscoveredDrive;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.Place;
import org.ward.rules.check.CheckContext;
import org.ward.rules.classify.IdentifierFingerprint;
import org.ward.rules.classify.LocationContext;
import org.ward.rules.facts.ClassifiedItem;
import org.ward.rules.facts.Location;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.recordings.RecordingAssessment;

/**
 * The recording and location checks over what the inventory stored (no Graph calls), folder by folder, reconciled
 * with the findings register: for the whole tenant in the scan's evaluate step, or for one place when ward serve
 * refreshed one of its drives. One way a stored item becomes a finding.
 */
final class RecordingEvaluation {

    private final ItemStore items;
    private final FindingStore findings;
    private final PolicyPack policy;
    private final IdentifierFingerprint fingerprint;

    RecordingEvaluation(ItemStore items, FindingStore findings, PolicyPack policy, IdentifierFingerprint fingerprint) {
        this.items = items;
        this.findings = findings;
        this.policy = policy;
        this.fingerprint = fingerprint;
    }

    /** Every stored recording; findings the scan did not find again are resolved. Returns the coverage gaps. */
    List<String> tenant(long scanId, Map<String, Location> sites, Function<String, DiscoveredDrive> drives, Instant now,
            LongConsumer recordingsDone) {
        RecordingAssessment assessment = new RecordingAssessment(CheckContext.of(policy, now, fingerprint));
        FindingStore.Reconciler reconciler = findings.reconciler(assessment.types(), scanId, now);
        return run(assessment, null, sites, drives, reconciler, recordingsDone);
    }

    /** One place's recordings; only its findings are reconciled. Returns the coverage gaps. */
    List<String> place(Place place) {
        RecordingAssessment assessment = new RecordingAssessment(CheckContext.of(policy, place.now(), fingerprint));
        FindingStore.Reconciler reconciler = findings.reconciler(assessment.types(), place.siteId(), place.runId(),
                place.now());
        return run(assessment, place.driveIds(), place.sites(), place.drives()::get, reconciler, n -> {
        });
    }

    private List<String> run(RecordingAssessment assessment, Collection<String> driveIds, Map<String, Location> sites,
            Function<String, DiscoveredDrive> drives, FindingStore.Reconciler reconciler, LongConsumer recordingsDone) {
        items.foldersWithRecordings(driveIds, folder -> {
            DiscoveredDrive drive = drives.apply(folder.get(0).item().driveId());
            Location location = drive == null ? null : sites.get(drive.siteId());
            if (location == null) {
                return;
            }
            LocationContext context = LocationContext.of(location, drive.name(), policy.locations(), sites.values());
            assessment.folder(location, context, drive.webUrl(), folder, reconciler::add);
            recordingsDone.accept(folder.stream().filter(ClassifiedItem::recording).count());
        });
        assessment.finish(reconciler::add);
        reconciler.finish();
        return assessment.notEvaluatedSentences();
    }
}
