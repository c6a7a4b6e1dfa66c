package org.ward.connector.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Severity;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scan.json}: the run manifest an auditor's evidence starts from — which tenant, when, under which policy
 * (with its content hash), what was covered and what was not, what it cost in Graph calls, how many findings of
 * each type and severity, and the SHA-256 of each report file written with it.
 */
final class ScanManifest {

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final MaskedText masked;

    ScanManifest(MaskedText masked) {
        this.masked = masked;
    }

    /** @param files report file name → "sha256:..." of its bytes */
    String render(ReportData data, Map<String, String> files) {
        ScanRun run = data.run();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("scanId", run.scanId());
        out.put("tenantId", run.tenantId());
        out.put("tenantName", run.tenantName());
        out.put("status", run.status() == null ? null : run.status().toLowerCase(Locale.ROOT));
        out.put("startedAt", FindingFields.time(run.startedAt()));
        out.put("finishedAt", FindingFields.time(run.finishedAt()));
        out.put("previousScanId", data.summary().previous() == null ? null : data.summary().previous().scanId());
        out.put("policy", policy(data));
        out.put("wardVersion", WardBuild.version());
        out.put("generatedAt", FindingFields.time(data.generatedAt()));
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("drives", run.drives());
        coverage.put("items", run.items());
        coverage.put("recordings", run.recordings());
        out.put("coverage", coverage);
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("requests", run.graphRequests());
        graph.put("resourceUnits", run.resourceUnits());
        graph.put("throttled", run.throttled());
        graph.put("throttledWaitSeconds", run.throttledWaitMillis() / 1000.0);
        graph.put("retries", run.retries());
        graph.put("faults", run.faults());
        graph.put("runs", run.runs());
        out.put("graph", graph);
        out.put("complete", run.complete());
        out.put("incomplete", run.incomplete());
        out.put("notCoveredOrNotEvaluated", run.gaps());
        out.put("findings", counts(data));
        out.put("files", files);
        return json.writeValueAsString(masked.tree(out)) + "\n";
    }

    private static Map<String, Object> policy(ReportData data) {
        ScanRun run = data.run();
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("id", run.policyId());
        policy.put("contentHash", run.policyHash());
        boolean same = data.policy().governs(run.policyHash());
        // Title and version are known only for the pack in force now; they describe the scan only if it is the same.
        policy.put("title", same ? data.policy().title() : null);
        policy.put("version", same ? data.policy().version() : null);
        policy.put("ruleTextsFrom", data.policy().id() + " " + data.policy().contentHash());
        return policy;
    }

    private static Map<String, Object> counts(ReportData data) {
        List<Finding> all = data.findings();
        ScanSummary s = data.summary();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", all.size());
        for (FindingStatus status : FindingStatus.values()) {
            out.put(FindingFields.status(status), all.stream().filter(f -> f.status() == status).count());
        }
        out.put("newSinceLastScan", s.newFindings().size());
        out.put("resolvedByThisScan", s.resolvedFindings().size());
        Map<String, Integer> bySeverity = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.yamlName(), s.bySeverity().getOrDefault(severity, 0));
        }
        out.put("openBySeverity", bySeverity);
        Map<String, Object> byType = new LinkedHashMap<>();
        for (Map.Entry<FindingType, Map<Severity, Integer>> e : s.open().entrySet()) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            e.getValue().forEach((severity, n) -> counts.put(severity.yamlName(), n));
            byType.put(e.getKey().name(), counts);
        }
        out.put("openByTypeAndSeverity", byType);
        return out;
    }
}
