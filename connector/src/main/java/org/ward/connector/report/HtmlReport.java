package org.ward.connector.report;

import java.util.Locale;

import org.ward.connector.runs.ScanRuns.ScanRun;
import org.ward.rules.policy.Severity;

/**
 * {@code report.html}: one self-contained page — inline style, inline SVG charts, one inline script, no fonts,
 * images or anything else fetched — with the scan's header, summary cards, charts, the findings table and what was
 * not covered. A Content-Security-Policy forbids every other source, so the page cannot reach out even if asked to.
 */
final class HtmlReport {

    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src "
            + HtmlScript.hashSource() + "; base-uri 'none'; form-action 'none'";

    private final Html html;
    private final HtmlCharts charts;
    private final HtmlTable table;

    HtmlReport(MaskedText masked) {
        this.html = new Html(masked);
        this.charts = new HtmlCharts(html);
        this.table = new HtmlTable(html, new HtmlFindingDetails(html));
    }

    String render(ReportData data) {
        ScanRun run = data.run();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>Ward report \u2014 ").append(html.text(run.tenant())).append(" \u2014 scan #")
                .append(run.scanId()).append("</title>\n<style>\n").append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n");
        out.append(header(data));
        out.append("<main>\n<section aria-labelledby=\"h-summary\"><h2 id=\"h-summary\">Summary</h2>\n")
                .append(cards(data.summary())).append("</section>\n");
        out.append("<section aria-labelledby=\"h-charts\"><h2 id=\"h-charts\">Open findings</h2>\n")
                .append(charts.render(data)).append("</section>\n");
        out.append("<section aria-labelledby=\"h-findings\"><h2 id=\"h-findings\">Findings (").append(data.findings().size())
                .append(")</h2>\n").append(table.render(data)).append("</section>\n");
        out.append(coverage(run)).append("</main>\n");
        out.append("<footer><p>Patient identifiers are shown masked (for example 999 *** **18) everywhere in this report."
                + " The same findings are in findings.json and findings.csv; scan.json is the run manifest with the"
                + " SHA-256 of each file.</p></footer>\n");
        return out.append("<script>").append(HtmlScript.JS).append("</script>\n</body>\n</html>\n").toString();
    }

    private String header(ReportData data) {
        ScanRun run = data.run();
        ScanSummary s = data.summary();
        ReportPolicy policy = data.policy();
        boolean same = policy.governs(run.policyHash());
        StringBuilder out = new StringBuilder("<header>\n<h1>Ward report: patient recordings in Microsoft 365</h1>\n")
                .append("<dl class=\"meta\">");
        term(out, "Tenant", html.text(run.tenant()));
        String status = run.status() == null ? "" : run.status().toLowerCase(Locale.ROOT);
        term(out, "Scan", "#" + run.scanId() + ", " + HtmlFindingDetails.shortTime(run.startedAt()) + " to "
                + HtmlFindingDetails.shortTime(run.finishedAt()) + " (" + html.text(status) + ")");
        term(out, "Policy", html.text(run.policyId() + (same ? " \u2014 " + policy.title() + " v" + policy.version() : ""))
                + " <span class=\"muted\">" + html.text(run.policyHash()) + "</span>");
        term(out, "Compared with", s.previous() == null ? "nothing: this is the first scan"
                : "scan #" + s.previous().scanId() + " of " + HtmlFindingDetails.shortTime(s.previous().startedAt()));
        term(out, "Generated", HtmlFindingDetails.shortTime(data.generatedAt()) + " by Ward " + html.text(WardBuild.version()));
        out.append("</dl>\n");
        if (!same) {
            out.append("<p class=\"note\">Rule texts (what to do, references) come from policy ")
                    .append(html.text(policy.id() + " " + policy.contentHash()))
                    .append(", which is not the policy this scan ran under.</p>\n");
        }
        return out.append("</header>\n").toString();
    }

    private String cards(ScanSummary s) {
        StringBuilder out = new StringBuilder("<div class=\"cards\">");
        card(out, "", s.openTotal(), "open findings");
        for (Severity severity : Severity.values()) {
            card(out, "sev-" + severity.yamlName(), s.bySeverity().getOrDefault(severity, 0), "open " + severity.yamlName());
        }
        card(out, "", s.newFindings().size(), s.previous() == null ? "new (first scan)" : "new since scan #"
                + s.previous().scanId());
        card(out, "", s.resolvedFindings().size(), "resolved by this scan");
        card(out, "", s.acceptedRisks(), "accepted risks");
        return out.append("</div>\n").toString();
    }

    private String coverage(ScanRun run) {
        StringBuilder out = new StringBuilder("<section aria-labelledby=\"h-gaps\"><h2 id=\"h-gaps\">Not covered / not"
                + " evaluated</h2>\n<p>This scan covered " + run.drives() + " drives, " + run.items() + " items and "
                + run.recordings() + " patient recordings, with " + run.graphRequests() + " Graph requests ("
                + run.resourceUnits() + " resource units, " + run.throttled() + " throttled).</p>\n");
        if (run.gaps().isEmpty()) {
            return out.append("<p>Nothing was left out: every location was discovered and every check could decide.</p>"
                    + "</section>\n").toString();
        }
        out.append("<ul class=\"gaps\">");
        run.gaps().forEach(gap -> out.append("<li>").append(html.text(gap)).append("</li>"));
        return out.append("</ul>\n</section>\n").toString();
    }

    private static void card(StringBuilder out, String css, int count, String label) {
        out.append("<div class=\"card ").append(css).append("\"><b>").append(count).append("</b><span>").append(label)
                .append("</span></div>");
    }

    private static void term(StringBuilder out, String name, String safeHtml) {
        out.append("<dt>").append(name).append("</dt><dd>").append(safeHtml).append("</dd>");
    }
}
