package org.ward.connector.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;

/**
 * The findings table: one row per finding, each expandable (a native {@code <details>}) to its reasons, remediation
 * and references. Filters stay hidden until the script shows them, so without JavaScript it is a plain table.
 */
final class HtmlTable {

    private static final List<String> COLUMNS = List.of("Severity", "Type", "Finding", "Site", "Path", "Status", "Owner",
            "First seen", "Last seen");

    private final Html html;
    private final HtmlFindingDetails details;

    HtmlTable(Html html, HtmlFindingDetails details) {
        this.html = html;
        this.details = details;
    }

    String render(ReportData data) {
        if (data.findings().isEmpty()) {
            return "<p class=\"empty\">The register holds no findings.</p>\n";
        }
        Set<String> fresh = data.summary().newFindings().stream().map(Finding::id).collect(Collectors.toSet());
        List<Finding> rows = data.findings().stream().sorted(Comparator.comparingInt((Finding f) -> rank(f.status()))
                .thenComparing(Finding::severity).thenComparing(f -> f.type().name()).thenComparing(Finding::id)).toList();
        StringBuilder out = new StringBuilder(filters(data));
        out.append("<table id=\"findings\">\n<thead><tr>");
        COLUMNS.forEach(c -> out.append("<th scope=\"col\">").append(c).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        rows.forEach(f -> out.append(row(f, data, fresh.contains(f.id()))));
        return out.append("</tbody>\n</table>\n").toString();
    }

    private String filters(ReportData data) {
        StringBuilder out = new StringBuilder("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>\n");
        out.append(select("Type", "type", data, f -> f.type().name()));
        out.append(select("Severity", "severity", data, f -> f.severity().yamlName()));
        out.append(select("Status", "status", data, f -> FindingFields.status(f.status())));
        out.append(select("Site", "site", data, f -> data.siteName(f.resource().siteId())));
        out.append("<label>Search <input type=\"search\" data-filter=\"text\" placeholder=\"any text\"></label>\n");
        return out.append("<output id=\"shown\" aria-live=\"polite\"></output>\n</form>\n").toString();
    }

    private String select(String label, String name, ReportData data, Function<Finding, String> value) {
        Set<String> values = new TreeSet<>();
        data.findings().stream().map(value).filter(v -> v != null).forEach(values::add);
        StringBuilder out = new StringBuilder("<label>").append(label).append(" <select data-filter=\"").append(name)
                .append("\"><option value=\"\">all</option>");
        values.forEach(v -> out.append("<option value=\"").append(html.text(v)).append("\">").append(html.text(v))
                .append("</option>"));
        return out.append("</select></label>\n").toString();
    }

    private String row(Finding f, ReportData data, boolean fresh) {
        String severity = f.severity().yamlName();
        String status = FindingFields.status(f.status());
        String site = data.siteName(f.resource().siteId());
        StringBuilder out = new StringBuilder("<tr id=\"").append(html.text(f.id())).append("\" data-type=\"")
                .append(f.type().name()).append("\" data-severity=\"").append(severity).append("\" data-status=\"")
                .append(status).append("\" data-site=\"").append(html.text(site)).append("\">");
        out.append("<td data-key=\"").append(f.severity().ordinal()).append("\"><span class=\"badge sev-").append(severity)
                .append("\">").append(severity).append("</span></td>");
        out.append("<td class=\"type\">").append(f.type().name()).append("</td>");
        out.append("<td class=\"finding\">").append(details.render(f, data)).append("</td>");
        out.append("<td>").append(html.text(site)).append("</td>");
        // A finding about a whole site has no path: its URL stands in, so the cell is never an invisible link.
        String where = f.resource().path() != null ? f.resource().path() : f.resource().webUrl();
        // Two files whose names mask to the same text stay apart by their short item reference.
        out.append("<td class=\"path\">").append(html.link(f.resource().webUrl(), where));
        if (f.resource().itemRef() != null) {
            out.append(" <span class=\"ref\">").append(html.text(f.resource().itemRef())).append("</span>");
        }
        out.append("</td>");
        out.append("<td data-key=\"").append(rank(f.status())).append("\"><span class=\"status ").append(status)
                .append("\">").append(status).append("</span>").append(fresh ? " <span class=\"new\">new</span>" : "")
                .append("</td>");
        out.append("<td>").append(html.text(f.owner())).append("</td>");
        out.append(time(f.firstSeen())).append(time(f.lastSeen()));
        return out.append("</tr>\n").toString();
    }

    /** Open first, then accepted risks, then resolved: what needs attention comes first. */
    private static int rank(FindingStatus status) {
        return switch (status) {
            case OPEN -> 0;
            case ACCEPTED_RISK -> 1;
            case RESOLVED -> 2;
        };
    }

    private static String time(Instant at) {
        String iso = FindingFields.time(at);
        return iso == null ? "<td data-key=\"\"></td>"
                : "<td data-key=\"" + iso + "\"><time datetime=\"" + iso + "\">" + HtmlFindingDetails.shortTime(at)
                        + "</time></td>";
    }
}
