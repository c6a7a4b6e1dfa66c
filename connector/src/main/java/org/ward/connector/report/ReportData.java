package org.ward.connector.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.findings.Finding;

/**
 * Everything a report shows: the scan and its summary, the findings register, the policy's rules and site names.
 *
 * @param summary the scan's summary (the run, the scan before it, counts, what is new and resolved)
 * @param findings every finding in the register: open, resolved and accepted-risk
 * @param policy the policy in force, for rule texts
 * @param siteNames display names by site id, for charts and filters (a missing site shows its id)
 * @param generatedAt when the report is written
 */
public record ReportData(ScanSummary summary, List<Finding> findings, ReportPolicy policy, Map<String, String> siteNames,
        Instant generatedAt) {

    public ReportData {
        findings = List.copyOf(findings);
        siteNames = siteNames == null ? Map.of() : Map.copyOf(siteNames);
    }

    public ScanRun run() {
        return summary.run();
    }

    /** The name people know a site by, or its id. */
    public String siteName(String siteId) {
        return siteId == null ? null : siteNames.getOrDefault(siteId, siteId);
    }
}
