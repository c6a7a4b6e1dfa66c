package org.ward.connector.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.classify.IdentifierMasking;
import org.ward.rules.facts.Location;
import org.ward.rules.facts.LocationKind;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Severity;
import org.ward.rules.policy.TestPolicies;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;

/** Findings, scans and report data for the report specs, built without a database. */
final class ReportFixtures {

    static final PolicyPack POLICY = TestPolicies.nhsEngland();
    static final Instant STARTED = Instant.parse("2026-03-02T09:00:00Z");
    static final Instant FINISHED = Instant.parse("2026-03-02T09:04:30Z");
    static final String CLINIC = "upwell.sharepoint.com,1111aaaa-0000-0000-0000-000000000001,2222bbbb-0000-0000-0000-000000000001";
    static final String CLINIC_URL = "https://upwell.sharepoint.com/sites/clinic";
    static final List<String> GAPS = List.of("OneDrive of j.doe@upwell.example: access denied (403), not inventoried",
            "RECORDING_WITHOUT_CONSENT_EVIDENCE not evaluated on 2 items, because their columns could not be read");

    private ReportFixtures() {
    }

    static ScanRun run(long scanId, String policyHash, List<String> gaps) {
        return new ScanRun(scanId, "7f1c2d3e-upwell", POLICY.id(), policyHash, STARTED, FINISHED, "COMPLETED", 14, 5210, 37,
                412, 980, 3, gaps, 5, 2_000, 1, 1, List.of());
    }

    static ScanRun run() {
        return run(2, POLICY.contentHash(), GAPS);
    }

    /** A finding on an item of the clinic site; a test changes what it needs through the builder's fields. */
    static FindingBuilder finding(String hexId, FindingType type) {
        return new FindingBuilder("F-" + "0".repeat(16 - hexId.length()) + hexId, type);
    }

    /**
     * Five findings: open critical (a hostile file name, new in this scan), open high (comma, quote, line break),
     * resolved medium, accepted-risk low, and an open one whose texts start like spreadsheet formulas.
     */
    static List<Finding> sample() {
        FindingBuilder hostile = finding("a1", SharingCatalogue.ANONYMOUS_LINK);
        hostile.severity = Severity.CRITICAL;
        hostile.title = "Anyone link on <script>alert(1)</script>.mp4";
        hostile.path = "/Consultations/<script>alert(1)</script>.mp4";
        hostile.owner = "<img src=x onerror=alert(2)>";
        hostile.firstSeen = STARTED;
        hostile.details = Map.of("link", "anonymous, view", "expires", "never");
        FindingBuilder awkward = finding("b2", RecordingsCatalogue.RECORDING_OUTSIDE_APPROVED_LOCATION);
        awkward.title = "Recording \"knee, left\" outside an approved location";
        awkward.reasons = List.of("first line\nsecond line", "a \"quoted\" reason, with a comma");
        FindingBuilder resolved = finding("c3", RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL);
        resolved.severity = Severity.MEDIUM;
        resolved.status = FindingStatus.RESOLVED;
        resolved.resolvedAt = STARTED.plusSeconds(200);
        FindingBuilder accepted = finding("d4", SharingCatalogue.LINK_WITHOUT_EXPIRY);
        accepted.severity = Severity.LOW;
        accepted.status = FindingStatus.ACCEPTED_RISK;
        accepted.acceptedBy = "dpo@upwell.example";
        accepted.acceptedReason = "Shared with the orthopaedic service until the pathway moves";
        accepted.acceptedUntil = Instant.parse("2026-06-30T00:00:00Z");
        FindingBuilder formulas = finding("e5", SharingCatalogue.EDIT_LINK_ON_RECORDING);
        formulas.title = "=HYPERLINK(\"https://evil.example\",\"click\")";
        formulas.reasons = List.of("@SUM(1+1)");
        formulas.path = "-2+3";
        formulas.owner = "+44 20 7946 0000";
        formulas.details = Map.of("note", "\tcmd");
        return List.of(hostile.build(), awkward.build(), resolved.build(), accepted.build(), formulas.build());
    }

    static ReportData data(List<Finding> findings) {
        return data(findings, run(), Map.of(CLINIC, "Clinic recordings"));
    }

    /** Report data of a second scan: findings first seen at {@link #STARTED} are new since scan #1. */
    static ReportData data(List<Finding> findings, ScanRun run, Map<String, String> siteNames) {
        ScanRun previous = run(1, run.policyHash(), List.of());
        Set<String> firstFoundNow = new HashSet<>();
        findings.stream().filter(f -> STARTED.equals(f.firstSeen())).forEach(f -> firstFoundNow.add(f.id()));
        Map<String, Location> sites = new HashMap<>();
        siteNames.forEach((id, name) -> sites.put(id, new Location(id, LocationKind.SHAREPOINT_SITE, name, CLINIC_URL, null,
                null, null, null, List.of(), null, STARTED)));
        ScanSummary summary = ScanSummary.of(run, previous, findings, firstFoundNow, sites, List.of(),
                ScanSummary.FileLabels.NONE);
        return new ReportData(summary, findings, ReportPolicy.of(POLICY), siteNames, FINISHED.plusSeconds(60));
    }

    static ReportWriter writer() {
        return new ReportWriter(new IdentifierMasking(POLICY.identifiers()));
    }

    /** Writes every format into {@code dir} and returns the files by name. */
    static Map<String, String> writeAll(ReportData data, Path dir) throws IOException {
        writer().write(data, dir, EnumSet.allOf(ReportFormat.class));
        Map<String, String> files = new HashMap<>();
        for (String name : List.of("findings.json", "findings.csv", "report.html", "scan.json")) {
            files.put(name, Files.readString(dir.resolve(name)));
        }
        return files;
    }

    /** Builds a {@link Finding}; fields start as an open high finding on a recording in the clinic site. */
    static final class FindingBuilder {
        private final String id;
        private final FindingType type;
        Severity severity = Severity.HIGH;
        FindingStatus status = FindingStatus.OPEN;
        String title = "Consultation video kept outside an approved location";
        List<String> reasons = List.of("classified as consultation-video (score 85)", "site is not in the location registry");
        String siteId = CLINIC;
        String webUrl = CLINIC_URL + "/Shared%20Documents/Consultations";
        String path = "/Consultations/2026-02-11 knee review.mp4";
        String owner = "clinic-owners@upwell.example";
        Map<String, Object> details = Map.of("recordingKind", "consultation-video");
        Instant firstSeen = STARTED.minusSeconds(86_400);
        Instant resolvedAt;
        String acceptedBy;
        String acceptedReason;
        Instant acceptedUntil;

        private FindingBuilder(String id, FindingType type) {
            this.id = id;
            this.type = type;
        }

        Finding build() {
            String ruleId = POLICY.rule(type).map(r -> r.id()).orElse(type.name().toLowerCase().replace('_', '-'));
            return new Finding(id, type, severity, ruleId, status, title, reasons,
                    path == null ? new FindingResource(siteId, null, null, webUrl, null)
                            : new FindingResource(siteId, "b!drive-clinic", "01ITEM" + id.substring(2).toUpperCase(), webUrl, path),
                    owner, details, firstSeen, FINISHED, resolvedAt, acceptedBy, acceptedReason, acceptedUntil);
        }
    }
}
