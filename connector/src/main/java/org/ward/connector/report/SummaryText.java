package org.ward.connector.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ward.rules.findings.Finding;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Severity;

/** The scan summary as plain text for the console. */
public final class SummaryText {

    private SummaryText() {
    }

    public static List<String> lines(ScanSummary s) {
        List<String> out = new ArrayList<>();
        var run = s.run();
        Duration took = run.finishedAt() == null ? Duration.ZERO : Duration.between(run.startedAt(), run.finishedAt());
        out.add("Scan #" + run.scanId() + " of tenant " + run.tenant() + " under policy " + run.policyId() + " finished in "
                + seconds(took) + ".");
        if (!run.complete()) {
            out.add("INCOMPLETE: checks whose input could not be read did not run, so findings may be missing:");
            run.incomplete().stream().limit(10).forEach(reason -> out.add("  " + reason));
            out.add("Run the scan again to complete it.");
        }
        out.add("Covered " + run.drives() + " drives, " + run.items() + " items, " + run.recordings()
                + " patient recordings; " + run.graphRequests() + " Graph requests, " + run.resourceUnits()
                + " resource units, " + run.throttled() + " throttled (held back " + seconds(Duration.ofMillis(
                        run.throttledWaitMillis())) + " in all), " + run.retries() + " retries, " + run.faults()
                + " faults met" + (run.runs() > 1 ? ", over " + run.runs() + " runs (the scan was resumed)" : "") + ".");
        if (s.sharingReads() != null) {
            out.add(sharingLine(s.sharingReads()));
        }
        if (s.fileLabels().read() > 0) {
            out.add("Office and PDF files naming a patient beside recordings: " + s.fileLabels().read() + ", "
                    + s.fileLabels().labelled() + " with a sensitivity label.");
        }
        out.add("");
        if (s.openTotal() == 0) {
            out.add("No open findings.");
        } else {
            out.add("Open findings: " + s.openTotal() + " (" + severityLine(s.bySeverity()) + ")");
            for (Map.Entry<FindingType, Map<Severity, Integer>> e : s.open().entrySet()) {
                int total = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
                out.add(String.format("  %-36s %4d  %s", e.getKey().name(), total, severityLine(e.getValue())));
            }
        }
        if (s.acceptedRisks() > 0) {
            out.add("Accepted risks: " + s.acceptedRisks());
        }
        if (!s.worstSites().isEmpty()) {
            out.add("");
            out.add("Worst sites:");
            for (ScanSummary.SiteCount site : s.worstSites()) {
                out.add("  " + site.site() + " (" + severityLine(site.bySeverity()) + ")"
                        + (site.webUrl() == null ? "" : "  " + site.webUrl()));
            }
        }
        out.add("");
        if (s.previous() == null) {
            out.add("First scan of this tenant: everything above is new.");
        } else {
            out.add("Since scan #" + s.previous().scanId() + ": " + s.newFindings().size() + " new finding"
                    + plural(s.newFindings().size()) + ", " + s.resolvedFindings().size() + " resolved, "
                    + s.newLocations().size() + " new location" + plural(s.newLocations().size()) + ".");
            s.newLocations().stream().limit(10).forEach(l -> out.add("  new location: " + l.displayName() + "  " + l.webUrl()));
            s.newFindings().stream().limit(10).forEach(f -> out.add("  new: " + describe(f)));
            s.resolvedFindings().stream().limit(10).forEach(f -> out.add("  resolved: " + describe(f)));
        }
        if (!run.gaps().isEmpty()) {
            out.add("");
            out.add("Not covered or not evaluated:");
            run.gaps().stream().limit(10).forEach(g -> out.add("  " + g));
            if (run.gaps().size() > 10) {
                out.add("  ... and " + (run.gaps().size() - 10) + " more (see the report).");
            }
        }
        return out;
    }

    /** What reading who can reach recordings cost, and, without Sites.FullControl.All, what it would cost with it. */
    static String sharingLine(ScanSummary.SharingReads r) {
        String reads = r.reads() + " permission list" + plural((int) Math.min(r.reads(), 2)) + " read (" + r.reads() * 5
                + " resource units)";
        if (r.hierarchy()) {
            return "Sharing: " + reads + "; the access of " + r.recordings() + " recordings derived from " + r.lists()
                    + " lists (where permissions start, and each library's root), each read again only when delta says"
                    + " it may have changed.";
        }
        return "Sharing: " + reads + ", one for every recording, on every scan: without Sites.FullControl.All delta"
                + " cannot say where permissions start or change. With it, Ward reads only those items and each library's"
                + " root, typically a few per cent of the items, and again only when they change.";
    }

    private static String describe(Finding f) {
        return "[" + f.severity().yamlName() + "] " + f.type().name() + " " + f.title();
    }

    private static String severityLine(Map<Severity, Integer> counts) {
        List<String> parts = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            Integer n = counts.get(severity);
            if (n != null && n > 0) {
                parts.add(n + " " + severity.yamlName());
            }
        }
        return String.join(", ", parts);
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }

    private static String seconds(Duration d) {
        long s = d.getSeconds();
        return s < 120 ? (d.toMillis() / 1000.0) + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
}
