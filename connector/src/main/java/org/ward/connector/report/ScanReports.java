package org.ward.connector.report;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.ward.connector.discovery.LocationStore;
import org.ward.connector.findings.Finding;
import org.ward.connector.findings.FindingStore;
import org.ward.connector.scan.ScanRuns;
import org.ward.connector.scan.ScanRuns.ScanRun;

/** Builds the summary of a scan from the register. */
@Service
public class ScanReports {

    private final ScanRuns runs;
    private final FindingStore findings;
    private final LocationStore locations;

    public ScanReports(ScanRuns runs, FindingStore findings, LocationStore locations) {
        this.runs = runs;
        this.findings = findings;
        this.locations = locations;
    }

    public Optional<ScanSummary> summary(long scanId) {
        return runs.find(scanId).map(run -> {
            ScanRun previous = runs.previousCompleted(scanId).orElse(null);
            List<Finding> all = findings.all();
            return ScanSummary.of(run, previous, all, findings.firstFoundBy(scanId), locations.locationsBySite(scanId),
                    locations.newIn(scanId));
        });
    }

    public Optional<ScanSummary> latest() {
        return runs.latestCompleted().flatMap(run -> summary(run.scanId()));
    }
}
