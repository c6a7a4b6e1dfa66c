package org.ward.connector.evidence;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.ward.connector.report.MaskedText;
import org.ward.connector.report.ReportData;
import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.policy.Severity;

/** What {@code summary.pdf} says, in order: the pack's facts, the charts, the checklist, the audit chain. */
final class EvidenceSummary {

    private EvidenceSummary() {
    }

    static byte[] render(EvidenceManifest manifest, ReportData data, List<ScanRun> history,
            List<RecordingChecklist.Assessed> checklist, MaskedText masked) throws IOException {
        Map<String, Object> facts = manifest.fields(List.of());
        try (SummaryPdf pdf = new SummaryPdf("Ward evidence pack")) {
            pdf.heading("Ward evidence pack");
            pdf.field("Tenant", masked.text(data.run().tenantId()));
            pdf.field("Generated", String.valueOf(facts.get("generatedAt")) + " by Ward " + facts.get("wardVersion"));
            pdf.field("Policy pack", masked.text(data.policy().id() + " \"" + data.policy().title() + "\" version "
                    + data.policy().version() + ", " + data.policy().contentHash()));
            Map<?, ?> window = manifest.window();
            pdf.field("Scan window", window.get("from") + " to " + window.get("to") + " (scans " + window.get("scans") + ")");
            pdf.field("Coverage (latest scan #" + data.run().scanId() + ")", data.run().drives() + " drives, "
                    + data.run().items() + " items, " + data.run().recordings() + " recordings; "
                    + (data.run().complete() ? "every enabled check had its input" : "incomplete: "
                            + masked.text(String.join("; ", data.run().incomplete()))));
            if (data.run().gaps().isEmpty()) {
                pdf.field("Not covered or not evaluated", "nothing");
            } else {
                pdf.paragraph("Not covered or not evaluated:");
                for (String gap : data.run().gaps()) {
                    pdf.paragraph("  - " + masked.text(gap));
                }
            }
            GrantedPermissions permissions = manifest.permissions();
            pdf.field("Graph permissions held", permissions.notEvaluated() != null
                    ? "not evaluated, because " + masked.text(permissions.notEvaluated())
                    : String.join(", ", permissions.roles()));
            pdf.field("Findings", findings(manifest.counts()));
            pdf.field("Audit log", manifest.auditEntries() + " entries; hash chain "
                    + (manifest.audit().intact() ? "verified intact" : "FAILS verification: "
                            + masked.text(String.join("; ", manifest.audit().problems())))
                    + "; head " + manifest.audit().chain().headHash());
            pdf.field("Signed by", String.valueOf(facts.get("signedBy")));

            pdf.newPage();
            pdf.heading("Charts");
            pdf.image(EvidenceCharts.severityTrend(EvidenceCharts.bySeverityOverScans(history, data.findings()), 900, 380));
            pdf.image(EvidenceCharts.bySite(EvidenceCharts.openBySite(data.findings(),
                    site -> masked.text(data.siteName(site)), 12), 900, 420));
            Map<Severity, Double> medians = EvidenceCharts.medianDaysToResolve(data.findings());
            if (medians.isEmpty()) {
                pdf.paragraph("Time to resolve: no finding has been resolved yet.");
            } else {
                pdf.image(EvidenceCharts.timeToResolve(medians, 900, 340));
            }

            pdf.heading("Compliant recording checklist");
            pdf.paragraph(manifest.checklistSource().get("title") + ", " + manifest.checklistSource().get("publisher")
                    + ". " + manifest.checklistSource().get("note"));
            for (RecordingChecklist.Assessed item : checklist) {
                pdf.paragraph(item.number() + ". " + item.item().text());
                pdf.paragraph("    " + (item.item().checkedByWard() ? "Checked by Ward: " + item.result() : "Needs a person")
                        + ". " + masked.text(item.evidence()));
            }
            pdf.heading("Files");
            pdf.paragraph("findings.csv, findings.xlsx, findings.json and report.html hold the findings register;"
                    + " audit-log.csv the remediation, protection and accepted-risk actions; control-mappings.csv the"
                    + " framework controls of the policy pack; recording-checklist.csv the checklist above; manifest.json"
                    + " these facts. SHA256SUMS lists the SHA-256 of every file and SHA256SUMS.p7s signs it: check with"
                    + " ward evidence --verify.");
            return pdf.bytes();
        }
    }

    /** "15 in the register: 14 open, 0 resolved, 1 accepted-risk; open by severity: critical 1, high 4, ...". */
    private static String findings(Map<String, Object> counts) {
        StringBuilder out = new StringBuilder(counts.get("total") + " in the register: " + counts.get("open") + " open, "
                + counts.get("resolved") + " resolved, " + counts.get("accepted-risk") + " accepted-risk; open by severity:");
        Map<?, ?> bySeverity = (Map<?, ?>) counts.get("openBySeverity");
        bySeverity.forEach((severity, n) -> out.append(' ').append(severity).append(' ').append(n).append(','));
        out.setLength(out.length() - 1);
        return out.append("; ").append(counts.get("newSinceLastScan")).append(" new since the scan before, ")
                .append(counts.get("resolvedByLatestScan")).append(" resolved by the latest scan").toString();
    }
}
