package org.ward.connector.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ward.connector.audit.AuditCheck;
import org.ward.connector.audit.AuditEntry;
import org.ward.connector.audit.AuditHeads;
import org.ward.connector.audit.AuditLog;
import org.ward.connector.report.FindingFields;
import org.ward.connector.report.MaskedText;
import org.ward.connector.report.ReportData;
import org.ward.connector.report.ReportFormat;
import org.ward.connector.report.ReportWriter;
import org.ward.connector.report.ScanReports;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.findings.Finding;
import org.ward.rules.policy.PolicyPack;

/**
 * Writes a dated evidence pack for auditors: the manifest, the findings register (CSV, XLSX, JSON, HTML), the audit
 * log's actions with the chain's verification, the pack's control mappings, the recording checklist, a PDF summary
 * with charts, and the seal (SHA-256 of every file and a detached signature). Reads the register only; every value
 * passes through the policy's masking.
 */
public final class EvidencePack {

    public static final String MANIFEST = "manifest.json";
    public static final String WORKBOOK = "findings.xlsx";
    public static final String AUDIT = "audit-log.csv";
    public static final String MAPPINGS = "control-mappings.csv";
    public static final String CHECKLIST = "recording-checklist.csv";
    public static final String SUMMARY = "summary.pdf";

    private static final DateTimeFormatter FOLDER = DateTimeFormatter.ofPattern("'ward-evidence-'yyyyMMdd'-'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ScanReports reports;
    private final ScanRuns runs;
    private final AuditLog audit;
    private final AuditHeads heads;
    private final PolicyPack policy;
    private final IdentifierMasking masking;
    private final EvidenceSettings settings;
    private final Optional<PackSigner> signer;
    private final RecordingChecklist checklist = RecordingChecklist.load();

    EvidencePack(ScanReports reports, ScanRuns runs, AuditLog audit, AuditHeads heads, PolicyPack policy,
            IdentifierMasking masking, EvidenceSettings settings, Optional<PackSigner> signer) {
        this.reports = reports;
        this.runs = runs;
        this.audit = audit;
        this.heads = heads;
        this.policy = policy;
        this.masking = masking;
        this.settings = settings;
        this.signer = signer;
    }

    /** What was written: the dated folder and its files, and whether it was signed and by whom. */
    public record Written(Path folder, List<String> files, String signer, long scanId, boolean auditIntact) {
    }

    /**
     * Writes a pack of the latest completed scan into a new dated folder under {@code out}.
     *
     * @return the pack, or empty when no scan has completed
     */
    public Optional<Written> write(Path out, GrantedPermissions permissions, Instant now) throws IOException {
        Optional<ReportData> latest = reports.latestReportData(now);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        ReportData data = latest.get();
        MaskedText masked = new MaskedText(masking);
        Path folder = out.resolve(FOLDER.format(now));
        if (Files.exists(folder)) {
            throw new IllegalStateException(folder.toAbsolutePath() + " already exists: a pack is never written over;"
                    + " wait a second or choose another --out.");
        }
        Files.createDirectories(folder);
        new ReportWriter(masking).write(data, folder, java.util.EnumSet.allOf(ReportFormat.class));

        List<Finding> findings = data.findings();
        Table register = register(findings, masked);
        List<AuditEntry> entries = audit.entries();
        AuditCheck auditCheck = audit.check();
        Table auditTable = auditTable(entries, masked);
        RuleCoverage coverage = new RuleCoverage(java.util.stream.Stream.concat(data.run().gaps().stream(),
                data.run().incomplete().stream()).toList());
        Table mappings = masked(ControlMappings.of(policy, findings, coverage), masked);
        List<RecordingChecklist.Assessed> assessed = checklist.assess(policy, findings, coverage);
        Table checklistTable = masked(checklist.table(assessed), masked);

        Files.writeString(folder.resolve(AUDIT), auditTable.csv(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(MAPPINGS), mappings.csv(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(CHECKLIST), checklistTable.csv(), StandardCharsets.UTF_8);
        Files.write(folder.resolve(WORKBOOK), Workbook.of(List.of(register, auditTable, mappings, checklistTable)));
        heads.exportTo(folder);

        List<ScanRun> history = runs.recentCompleted(settings.historyScans());
        EvidenceManifest manifest = new EvidenceManifest(data, history, permissions, auditCheck, entries.size(), assessed,
                checklist.attribution(), signer.map(PackSigner::describe).orElse(null), now);
        Files.write(folder.resolve(SUMMARY), EvidenceSummary.render(manifest, data, history, assessed, masked));
        Files.writeString(folder.resolve(MANIFEST), manifest.json(masked, files(folder)), StandardCharsets.UTF_8);
        PackSeal.seal(folder, signer);
        return Optional.of(new Written(folder, files(folder), signer.map(PackSigner::describe).orElse(null),
                data.run().scanId(), auditCheck.intact()));
    }

    private static List<String> files(Path folder) throws IOException {
        try (var walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }

    private static Table register(List<Finding> findings, MaskedText masked) {
        List<List<String>> rows = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> fields = FindingFields.of(f, masked);
            // As in findings.csv: the classification evidence as one sentence a spreadsheet cell can hold.
            fields.put("classification", FindingFields.classificationText(f, masked));
            List<String> row = new ArrayList<>();
            for (String name : FindingFields.NAMES) {
                row.add(text(fields.get(name)));
            }
            rows.add(row);
        }
        return new Table("Findings", FindingFields.NAMES, rows);
    }

    private static Table auditTable(List<AuditEntry> entries, MaskedText masked) {
        List<List<String>> rows = new ArrayList<>();
        for (AuditEntry e : entries) {
            rows.add(java.util.Arrays.asList(String.valueOf(e.id()), e.at().toString(), e.actor(), e.findingId(), e.action(),
                    e.request(), e.before(), e.after(), e.outcome(), e.hash()));
        }
        return masked(new Table("Audit log", List.of("id", "at", "actor", "findingId", "action", "request", "before",
                "after", "outcome", "hash"), rows), masked);
    }

    /** Every cell through the masking: the last line of defence, whatever a table's source. */
    private static Table masked(Table table, MaskedText masked) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            rows.add(row.stream().map(cell -> cell == null ? "" : masked.text(cell)).toList());
        }
        return new Table(table.name(), table.header(), rows);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.Collection<?> items) {
            return String.join(" | ", items.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "" : tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(map);
        }
        return value.toString();
    }

    static Map<String, Object> countsBy(List<RecordingChecklist.Assessed> assessed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", assessed.size());
        out.put("checkedByWard", assessed.stream().filter(a -> a.item().checkedByWard()).count());
        out.put("met", assessed.stream().filter(a -> a.result().startsWith("met")).count());
        out.put("notMet", assessed.stream().filter(a -> a.result().startsWith("not met")).count());
        out.put("needsAPerson", assessed.stream().filter(a -> !a.item().checkedByWard()).count());
        return out;
    }
}
