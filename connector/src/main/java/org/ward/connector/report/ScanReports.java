package org.ward.connector.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.connector.sharing.AccessStore;
import org.ward.rules.facts.Location;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.PolicyPack;

/** Builds the summary of a scan, and what its reports show, from the register. */
@Service
public class ScanReports {

    private final ScanRuns runs;
    private final FindingStore findings;
    private final LocationStore locations;
    private final PolicyPack policy;
    private final ItemStore items;
    private final AccessStore access;

    public ScanReports(ScanRuns runs, FindingStore findings, LocationStore locations, PolicyPack policy, ItemStore items,
            AccessStore access) {
        this.runs = runs;
        this.access = access;
        this.items = items;
        this.findings = findings;
        this.locations = locations;
        this.policy = policy;
    }

    public Optional<ScanSummary> summary(long scanId) {
        return runs.find(scanId).map(run -> {
            ScanRun previous = runs.previousCompleted(scanId).orElse(null);
            List<Finding> all = findings.all();
            return ScanSummary.of(run, previous, all, findings.firstFoundBy(scanId), locations.locationsBySite(scanId),
                    locations.firstSeenBy(scanId), fileLabels(), access.readsOf(scanId).map(r -> new ScanSummary.SharingReads(
                            r.method().equals("hierarchy"), r.reads(), r.lists(), r.recordings())).orElse(null));
        });
    }

    private ScanSummary.FileLabels fileLabels() {
        ItemStore.BesideRecordingLabels counts = items.labelsBesideRecordings();
        return new ScanSummary.FileLabels(counts.read(), counts.labelled());
    }

    public Optional<ScanSummary> latest() {
        return runs.latestCompleted().flatMap(run -> summary(run.scanId()));
    }

    /** What the reports of a scan show: its summary, the whole findings register, the policy's rules, site names. */
    public Optional<ReportData> reportData(long scanId, Instant generatedAt) {
        return summary(scanId).map(summary -> new ReportData(summary, findings.all(), ReportPolicy.of(policy),
                siteNames(scanId), generatedAt));
    }

    /** The report data of the latest completed scan; empty when no scan has completed. */
    public Optional<ReportData> latestReportData(Instant generatedAt) {
        return runs.latestCompleted().flatMap(run -> reportData(run.scanId(), generatedAt));
    }

    private Map<String, String> siteNames(long scanId) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, Location> e : locations.locationsBySite(scanId).entrySet()) {
            String name = e.getValue().displayName();
            names.put(e.getKey(), name == null || name.isBlank() ? e.getKey() : name);
        }
        return names;
    }
}
