package org.ward.connector.report;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.Catalogues;
import org.ward.rules.facts.Location;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Severity;

/**
 * What a person reads in ten seconds after a scan: open findings by type and severity, the worst sites, what is new
 * since the last scan and what was fixed, and what could not be checked.
 *
 * @param run the scan
 * @param previous the scan before it, null for the first
 * @param open open findings (accepted risks excluded) per type and severity
 * @param bySeverity open findings per severity
 * @param worstSites sites with the most serious open findings, worst first (site, counts per severity)
 * @param newFindings findings first found by this scan
 * @param resolvedFindings findings this scan no longer found
 * @param newLocations locations first seen by this scan (when it is not the first)
 * @param acceptedRisks findings under an accepted risk
 * @param fileLabels the sensitivity labels of Office and PDF files naming a patient beside recordings
 * @param sharingReads what the sharing step read, and how; null when it did not run
 */
public record ScanSummary(ScanRun run, ScanRun previous, Map<FindingType, Map<Severity, Integer>> open,
        Map<Severity, Integer> bySeverity, List<SiteCount> worstSites, List<Finding> newFindings,
        List<Finding> resolvedFindings, List<Location> newLocations, int acceptedRisks, FileLabels fileLabels,
        SharingReads sharingReads) {

    /**
     * The permission lists the sharing step read.
     *
     * @param hierarchy whether delta marked where permissions start (Sites.FullControl.All); else every recording's
     *     own list was read
     * @param reads lists read by this scan (5 resource units each)
     * @param lists lists Ward holds (permission roots and libraries, or recordings)
     * @param recordings recordings whose access they give
     */
    public record SharingReads(boolean hierarchy, long reads, long lists, long recordings) {
    }

    /**
     * Office and PDF files naming a patient that share a folder with a recording: how many Ward has read the label
     * of, and how many carry one.
     */
    public record FileLabels(long read, long labelled) {

        public static final FileLabels NONE = new FileLabels(0, 0);
    }

    /**
     * Open findings at one site.
     *
     * @param site the site's name or URL
     * @param webUrl its URL
     * @param bySeverity counts per severity
     */
    public record SiteCount(String site, String webUrl, Map<Severity, Integer> bySeverity) {

        int weight() {
            return bySeverity.entrySet().stream().mapToInt(e -> e.getValue() * switch (e.getKey()) {
                case CRITICAL -> 1000;
                case HIGH -> 100;
                case MEDIUM -> 10;
                case LOW -> 1;
                case INFO -> 0;
            }).sum();
        }
    }

    /** Builds the summary from the register. */
    public static ScanSummary of(ScanRun run, ScanRun previous, List<Finding> all, Set<String> firstFoundNow,
            Map<String, Location> sites, List<Location> newLocations, FileLabels fileLabels) {
        return of(run, previous, all, firstFoundNow, sites, newLocations, fileLabels, null);
    }

    public static ScanSummary of(ScanRun run, ScanRun previous, List<Finding> all, Set<String> firstFoundNow,
            Map<String, Location> sites, List<Location> newLocations, FileLabels fileLabels, SharingReads sharingReads) {
        List<Finding> open = all.stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
        Map<FindingType, Map<Severity, Integer>> byType = new TreeMap<>(Catalogues.ORDER);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        Map<String, Map<Severity, Integer>> bySite = new LinkedHashMap<>();
        for (Finding f : open) {
            byType.computeIfAbsent(f.type(), t -> new EnumMap<>(Severity.class)).merge(f.severity(), 1, Integer::sum);
            bySeverity.merge(f.severity(), 1, Integer::sum);
            if (f.resource().siteId() != null) {
                bySite.computeIfAbsent(f.resource().siteId(), s -> new EnumMap<>(Severity.class)).merge(f.severity(), 1,
                        Integer::sum);
            }
        }
        List<SiteCount> worst = bySite.entrySet().stream().map(e -> {
            Location location = sites.get(e.getKey());
            String name = location == null ? e.getKey() : location.displayName();
            return new SiteCount(name, location == null ? null : location.webUrl(), e.getValue());
        }).sorted(Comparator.comparingInt(SiteCount::weight).reversed().thenComparing(SiteCount::site)).limit(5).toList();
        List<Finding> fresh = previous == null ? List.of()
                : open.stream().filter(f -> firstFoundNow.contains(f.id())).collect(Collectors.toList());
        List<Finding> resolved = all.stream().filter(f -> f.status() == FindingStatus.RESOLVED && f.resolvedAt() != null
                && run.startedAt() != null && !f.resolvedAt().isBefore(run.startedAt())).toList();
        int accepted = (int) all.stream().filter(f -> f.status() == FindingStatus.ACCEPTED_RISK).count();
        return new ScanSummary(run, previous, byType, bySeverity, worst, fresh, resolved,
                previous == null ? List.of() : newLocations, accepted, fileLabels, sharingReads);
    }

    public int openTotal() {
        return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }
}
