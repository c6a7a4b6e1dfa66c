package org.ward.connector.evidence;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.Severity;

/**
 * The summary's charts (JFreeChart), drawn from the register: open findings by severity at the end of each of the
 * latest scans, open findings by site, and the median time findings took to resolve by severity. Labels arrive masked.
 */
final class EvidenceCharts {

    private static final Map<Severity, Color> COLOURS = Map.of(Severity.CRITICAL, new Color(0x7f1d1d), Severity.HIGH,
            new Color(0xdc2626), Severity.MEDIUM, new Color(0xf59e0b), Severity.LOW, new Color(0x2563eb), Severity.INFO,
            new Color(0x6b7280));

    private EvidenceCharts() {
    }

    /**
     * Open findings of each severity when each scan finished, reconstructed from when each finding was first seen and
     * resolved (a finding accepted as a risk counts as open until it is resolved).
     */
    static Map<Long, Map<Severity, Integer>> bySeverityOverScans(List<ScanRun> scans, List<Finding> findings) {
        Map<Long, Map<Severity, Integer>> out = new LinkedHashMap<>();
        for (ScanRun scan : scans) {
            Instant at = scan.finishedAt() == null ? scan.startedAt() : scan.finishedAt();
            Map<Severity, Integer> counts = new LinkedHashMap<>();
            for (Severity s : Severity.values()) {
                counts.put(s, 0);
            }
            for (Finding f : findings) {
                boolean seen = f.firstSeen() != null && !f.firstSeen().isAfter(at);
                boolean stillOpen = f.resolvedAt() == null || f.resolvedAt().isAfter(at);
                if (seen && stillOpen) {
                    counts.merge(f.severity(), 1, Integer::sum);
                }
            }
            out.put(scan.scanId(), counts);
        }
        return out;
    }

    /** Open findings by site, the sites with most first (at most {@code limit}); names as given. */
    static Map<String, Long> openBySite(List<Finding> findings, java.util.function.Function<String, String> siteName, int limit) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Finding f : findings) {
            if (f.status() == FindingStatus.OPEN) {
                String site = f.resource().siteId() == null ? "(tenant-wide)" : siteName.apply(f.resource().siteId());
                counts.merge(site, 1L, Long::sum);
            }
        }
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(limit).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }

    /** The median days from first seen to resolved, by severity, over the resolved findings. */
    static Map<Severity, Double> medianDaysToResolve(List<Finding> findings) {
        Map<Severity, Double> out = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            List<Double> days = new ArrayList<>();
            for (Finding f : findings) {
                if (f.severity() == s && f.resolvedAt() != null && f.firstSeen() != null) {
                    days.add(Duration.between(f.firstSeen(), f.resolvedAt()).toMinutes() / 1440.0);
                }
            }
            if (!days.isEmpty()) {
                days.sort(Comparator.naturalOrder());
                int n = days.size();
                out.put(s, n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2);
            }
        }
        return out;
    }

    static BufferedImage severityTrend(Map<Long, Map<Severity, Integer>> trend, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        trend.forEach((scanId, counts) -> counts.forEach((severity, n) -> data.addValue(n, severity.yamlName(),
                "#" + scanId)));
        JFreeChart chart = ChartFactory.createStackedBarChart("Open findings by severity, latest scans", "Scan",
                "Open findings", data, PlotOrientation.VERTICAL, true, false, false);
        colourBySeverity(chart);
        return image(chart, width, height);
    }

    static BufferedImage bySite(Map<String, Long> counts, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        counts.forEach((site, n) -> data.addValue(n, "open", shorten(site)));
        JFreeChart chart = ChartFactory.createBarChart("Open findings by site", null, "Open findings", data,
                PlotOrientation.HORIZONTAL, false, false, false);
        return image(chart, width, height);
    }

    static BufferedImage timeToResolve(Map<Severity, Double> medians, int width, int height) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        medians.forEach((severity, days) -> data.addValue(days, "median days", severity.yamlName()));
        JFreeChart chart = ChartFactory.createBarChart("Median days to resolve, by severity", "Severity", "Days", data,
                PlotOrientation.VERTICAL, false, false, false);
        return image(chart, width, height);
    }

    private static void colourBySeverity(JFreeChart chart) {
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        Severity[] order = Severity.values();
        for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
            String row = plot.getDataset().getRowKey(i).toString();
            for (Severity s : order) {
                if (s.yamlName().equals(row)) {
                    renderer.setSeriesPaint(i, COLOURS.get(s));
                }
            }
        }
    }

    private static BufferedImage image(JFreeChart chart, int width, int height) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xf8fafc));
        return chart.createBufferedImage(width, height);
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
