package org.ward.connector.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingResource;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.Severity;
import org.ward.rules.sharing.SharingCatalogue;

/**
 * The three charts of the evidence pack's summary: open findings by severity over the last scans, open findings by
 * site, and the median time to resolve by severity — the figures behind them, and that each is drawn.
 */
class EvidenceChartsTests {

    private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");
    private static final String CLINIC = "site-clinic";
    private static final String RESEARCH = "site-research";

    private static Instant day(int n) {
        return MONDAY.plus(Duration.ofDays(n));
    }

    private static ScanRun scan(long id, Instant finished) {
        return new ScanRun(id, "tenant", "nhs-england", "sha256:x", finished.minusSeconds(600), finished, "COMPLETED", 1, 1,
                1, 1, 1, 0, List.of(), 0, 0, 0, 1, List.of(), "Upwell", List.of());
    }

    private static Finding finding(String id, Severity severity, String site, Instant firstSeen, Instant resolvedAt) {
        return new Finding(id, SharingCatalogue.ANONYMOUS_LINK, severity, "anonymous-link",
                resolvedAt == null ? FindingStatus.OPEN : FindingStatus.RESOLVED, "Anyone link", List.of(),
                new FindingResource(site, "drive", id, null, "/" + id + ".mp4"), "owner@upwell.example", Map.of(), firstSeen,
                resolvedAt == null ? day(30) : resolvedAt, resolvedAt, null, null, null, null, null);
    }

    private final List<Finding> findings = List.of(
            finding("F-1", Severity.HIGH, CLINIC, day(0), day(2)),
            finding("F-2", Severity.HIGH, CLINIC, day(0), day(6)),
            finding("F-3", Severity.HIGH, RESEARCH, day(7), day(17)),
            finding("F-4", Severity.CRITICAL, CLINIC, day(7), day(8)),
            finding("F-5", Severity.MEDIUM, CLINIC, day(7), null),
            finding("F-6", Severity.MEDIUM, RESEARCH, day(14), null),
            finding("F-7", Severity.MEDIUM, RESEARCH, day(14), null));

    @Test
    void countsWhatWasOpenWhenEachScanFinished() {
        Map<Long, Map<Severity, Integer>> trend = EvidenceCharts.bySeverityOverScans(
                List.of(scan(1, day(0)), scan(2, day(7)), scan(3, day(14))), findings);

        assertThat(trend.get(1L)).containsEntry(Severity.HIGH, 2).containsEntry(Severity.MEDIUM, 0);
        assertThat(trend.get(2L)).as("F-1 and F-2 resolved; F-3, F-4, F-5 new").containsEntry(Severity.HIGH, 1)
                .containsEntry(Severity.CRITICAL, 1).containsEntry(Severity.MEDIUM, 1);
        assertThat(trend.get(3L)).as("F-4 resolved on day 8; F-3 still open until day 17")
                .containsEntry(Severity.CRITICAL, 0).containsEntry(Severity.HIGH, 1).containsEntry(Severity.MEDIUM, 3);
    }

    @Test
    void countsOpenFindingsBySiteMostFirst() {
        Map<String, Long> bySite = EvidenceCharts.openBySite(findings, id -> id.equals(CLINIC) ? "Clinic" : "Research", 12);

        assertThat(bySite).containsExactly(Map.entry("Research", 2L), Map.entry("Clinic", 1L));
    }

    @Test
    void takesTheMedianDaysToResolveOfEachSeverity() {
        Map<Severity, Double> medians = EvidenceCharts.medianDaysToResolve(findings);

        assertThat(medians).as("high: 2, 6 and 10 days; critical: 1 day; medium: none resolved").containsExactly(
                Map.entry(Severity.CRITICAL, 1.0), Map.entry(Severity.HIGH, 6.0));
    }

    @Test
    void drawsEachChart() {
        BufferedImage trend = EvidenceCharts.severityTrend(EvidenceCharts.bySeverityOverScans(List.of(scan(1, day(0))),
                findings), 900, 380);
        BufferedImage bySite = EvidenceCharts.bySite(Map.of("Clinic", 1L), 900, 420);
        BufferedImage resolve = EvidenceCharts.timeToResolve(EvidenceCharts.medianDaysToResolve(findings), 900, 340);

        assertThat(List.of(trend, bySite, resolve)).extracting(BufferedImage::getWidth).containsOnly(900);
        assertThat(resolve.getHeight()).isEqualTo(340);
    }
}
