package org.ward.connector.evidence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.connector.audit.AuditCheck;
import org.ward.connector.report.FindingFields;
import org.ward.connector.report.MaskedText;
import org.ward.connector.report.ReportData;
import org.ward.connector.report.WardBuild;
import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.Severity;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code manifest.json}: what the pack covers and under what — Ward's version, the policy pack (id, version, content
 * hash), the Graph permissions Ward held, the tenant, the scan window, coverage and what was not covered or evaluated,
 * counts, the audit chain's verification, the checklist's tally and who signed.
 */
record EvidenceManifest(ReportData data, List<ScanRun> history, GrantedPermissions permissions, AuditCheck audit,
        int auditEntries, List<RecordingChecklist.Assessed> checklist, Map<String, String> checklistSource, String signer,
        Instant generatedAt) {

    String json(MaskedText masked, List<String> files) {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(masked.tree(fields(files))) + "\n";
    }

    Map<String, Object> fields(List<String> files) {
        ScanRun run = data.run();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "ward-evidence-pack");
        out.put("formatVersion", 1);
        out.put("wardVersion", WardBuild.version());
        out.put("generatedAt", FindingFields.time(generatedAt));
        out.put("tenantId", run.tenantId());
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("id", data.policy().id());
        policy.put("title", data.policy().title());
        policy.put("version", data.policy().version());
        policy.put("contentHash", data.policy().contentHash());
        policy.put("latestScanRanUnder", run.policyId() + " " + run.policyHash());
        policy.put("sameAsLatestScan", data.policy().governs(run.policyHash()));
        out.put("policy", policy);
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("applicationPermissionsHeld", permissions.roles());
        graph.put("tokenTenantId", permissions.tenantId());
        graph.put("notEvaluated", permissions.notEvaluated());
        out.put("graphPermissions", graph);
        out.put("scanWindow", window());
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("latestScanId", run.scanId());
        coverage.put("drives", run.drives());
        coverage.put("items", run.items());
        coverage.put("recordings", run.recordings());
        coverage.put("complete", run.complete());
        coverage.put("incomplete", run.incomplete());
        coverage.put("notCoveredOrNotEvaluated", run.gaps());
        out.put("coverage", coverage);
        out.put("findings", counts());
        Map<String, Object> auditLog = new LinkedHashMap<>();
        auditLog.put("entries", auditEntries);
        auditLog.put("hashChainIntact", audit.intact());
        auditLog.put("problems", audit.problems());
        auditLog.put("headHash", audit.chain().headHash());
        auditLog.put("keyedEntries", audit.chain().keyed());
        auditLog.put("unkeyedEntries", audit.chain().unkeyed());
        auditLog.put("auditKeyId", audit.keyId());
        auditLog.put("awaitingSeal", audit.unsealed());
        out.put("auditLog", auditLog);
        Map<String, Object> recording = new LinkedHashMap<>(EvidencePack.countsBy(checklist));
        recording.put("source", checklistSource);
        out.put("recordingChecklist", recording);
        out.put("signedBy", signer == null ? "unsigned: no key is configured (ward.evidence.signing.*)" : signer);
        out.put("files", files);
        return out;
    }

    Map<String, Object> window() {
        Map<String, Object> out = new LinkedHashMap<>();
        ScanRun first = history.isEmpty() ? data.run() : history.get(0);
        out.put("from", FindingFields.time(first.startedAt()));
        out.put("to", FindingFields.time(data.run().finishedAt()));
        out.put("scans", history.stream().map(ScanRun::scanId).toList());
        return out;
    }

    Map<String, Object> counts() {
        List<Finding> all = data.findings();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", all.size());
        for (FindingStatus status : FindingStatus.values()) {
            out.put(FindingFields.status(status), all.stream().filter(f -> f.status() == status).count());
        }
        Map<String, Long> bySeverity = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.yamlName(), all.stream()
                    .filter(f -> f.status() == FindingStatus.OPEN && f.severity() == severity).count());
        }
        out.put("openBySeverity", bySeverity);
        out.put("newSinceLastScan", data.summary().newFindings().size());
        out.put("resolvedByLatestScan", data.summary().resolvedFindings().size());
        return out;
    }
}
