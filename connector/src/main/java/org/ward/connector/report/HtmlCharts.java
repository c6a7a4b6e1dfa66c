package org.ward.connector.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.Severity;

/** Inline SVG bar charts of open findings by type, by severity and by site (top 10), bars split by severity. */
final class HtmlCharts {

    private static final int WIDTH = 720;
    private static final int LABEL = 290;
    private static final int BAR_AREA = 370;
    private static final int ROW = 24;
    private static final int TOP_SITES = 10;

    private final Html html;

    HtmlCharts(Html html) {
        this.html = html;
    }

    String render(ReportData data) {
        List<Finding> open = data.findings().stream().filter(f -> f.status() == FindingStatus.OPEN).toList();
        if (open.isEmpty()) {
            return "<p class=\"empty\">No open findings: nothing to chart.</p>\n";
        }
        List<Bar> byType = bars(open, f -> f.type().name(), Function.identity());
        List<Bar> bySeverity = bars(open, f -> f.severity().yamlName(), Function.identity());
        bySeverity.sort(Comparator.comparing(b -> Severity.valueOf(b.label().toUpperCase(Locale.ROOT))));
        List<Bar> bySite = bars(open.stream().filter(f -> f.resource().siteId() != null).toList(),
                f -> f.resource().siteId(), data::siteName);
        StringBuilder out = new StringBuilder("<div class=\"charts\">\n");
        out.append(chart("by-type", "Open findings by type", byType));
        out.append(chart("by-severity", "Open findings by severity", bySeverity));
        out.append(chart("by-site", "Open findings by site (top " + TOP_SITES + ")",
                bySite.subList(0, Math.min(TOP_SITES, bySite.size()))));
        out.append("</div>\n<p class=\"legend\" aria-hidden=\"true\">");
        for (Severity severity : Severity.values()) {
            out.append("<span class=\"key sev-").append(severity.yamlName()).append("\"></span>")
                    .append(severity.yamlName()).append(' ');
        }
        return out.append("</p>\n").toString();
    }

    /** Bars for each distinct key (two sites may share a name), largest first, then by label. */
    private static List<Bar> bars(List<Finding> findings, Function<Finding, String> key, Function<String, String> label) {
        Map<String, Map<Severity, Integer>> counts = new LinkedHashMap<>();
        for (Finding f : findings) {
            counts.computeIfAbsent(key.apply(f), k -> new EnumMap<>(Severity.class)).merge(f.severity(), 1, Integer::sum);
        }
        List<Bar> bars = new ArrayList<>();
        counts.forEach((k, bySeverity) -> bars.add(new Bar(label.apply(k), bySeverity)));
        bars.sort(Comparator.comparingInt(Bar::total).reversed().thenComparing(Bar::label));
        return bars;
    }

    private String chart(String id, String title, List<Bar> bars) {
        int max = bars.stream().mapToInt(Bar::total).max().orElse(1);
        int height = bars.size() * ROW + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<figure class=\"chart\" id=\"chart-").append(id).append("\"><figcaption>").append(html.text(title))
                .append("</figcaption>\n<svg role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(height).append("\" aria-label=\"").append(html.text(title)).append("\">\n");
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int y = i * ROW + 2;
            svg.append("<g><title>").append(html.text(bar.label() + ": " + bar.describe())).append("</title>")
                    .append("<text class=\"label\" x=\"").append(LABEL - 8).append("\" y=\"").append(y + 16).append("\">")
                    .append(html.shortText(bar.label(), 40)).append("</text>");
            double x = LABEL;
            for (Map.Entry<Severity, Integer> part : bar.bySeverity().entrySet()) {
                double w = (double) BAR_AREA * part.getValue() / max;
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"sev-%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
                        part.getKey().yamlName(), x, y + 3, w, ROW - 6));
                x += w;
            }
            svg.append(String.format(Locale.ROOT, "<text class=\"count\" x=\"%.1f\" y=\"%d\">%d</text></g>\n",
                    x + 6, y + 16, bar.total()));
        }
        return svg.append("</svg></figure>\n").toString();
    }

    /** One bar: a label and its open findings per severity. */
    private record Bar(String label, Map<Severity, Integer> bySeverity) {

        int total() {
            return bySeverity.values().stream().mapToInt(Integer::intValue).sum();
        }

        String describe() {
            if (bySeverity.size() == 1 && bySeverity.keySet().iterator().next().yamlName().equals(label)) {
                return Integer.toString(total());
            }
            List<String> parts = new ArrayList<>();
            bySeverity.forEach((severity, n) -> parts.add(n + " " + severity.yamlName()));
            return total() + " (" + String.join(", ", parts) + ")";
        }
    }
}
