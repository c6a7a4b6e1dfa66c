package org.ward.connector.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.TreeMap;

import org.ward.rules.findings.Finding;
import org.ward.rules.policy.Rule;

/**
 * What a finding row expands to: the reasons, what to do and why it matters (from the policy rule), references and
 * control mappings, who owns it, its lifecycle and structured details.
 */
final class HtmlFindingDetails {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Html html;

    HtmlFindingDetails(Html html) {
        this.html = html;
    }

    static String shortTime(Instant at) {
        return at == null ? "" : SHORT.format(at);
    }

    String render(Finding f, ReportData data) {
        Rule rule = data.policy().rule(f.ruleId()).orElse(null);
        StringBuilder out = new StringBuilder("<details><summary>").append(html.text(f.title())).append("</summary>")
                .append("<div class=\"detail\">");
        out.append("<p class=\"muted\">").append(html.text(f.id())).append(" \u00b7 rule ").append(html.text(f.ruleId()));
        if (rule != null) {
            out.append(" \u2014 ").append(html.text(rule.title()));
        }
        out.append("</p>");
        list(out, "Why", f.reasons());
        f.classification().ifPresent(evidence -> classification(out, evidence, f.resource().itemRef()));
        if (rule != null) {
            paragraph(out, "What to do", rule.remediation());
            paragraph(out, "Why it matters", rule.rationale());
            list(out, "References", rule.references());
            if (!rule.mappings().isEmpty()) {
                out.append("<h4>Mappings</h4><ul>");
                new TreeMap<>(rule.mappings()).forEach((framework, ids) -> out.append("<li>")
                        .append(html.text(framework)).append(": ").append(html.text(String.join(", ", ids))).append("</li>"));
                out.append("</ul>");
            }
        }
        out.append("<dl>");
        term(out, "Owner", f.owner() == null ? "unknown" : f.owner());
        term(out, "First seen", shortTime(f.firstSeen()));
        term(out, "Last seen", shortTime(f.lastSeen()));
        term(out, "Resolved", shortTime(f.resolvedAt()));
        term(out, "Risk accepted by", f.acceptedBy());
        term(out, "Because", f.acceptedReason());
        term(out, "Accepted until", f.acceptedUntil() == null ? null : FindingFields.acceptedThrough(f)
                + " (the last day, " + f.acceptedLastDayZone() + ")");
        term(out, "Path", f.resource().path());
        term(out, "Item", f.resource().itemRef());
        if (f.resource().webUrl() != null) {
            out.append("<dt>Open</dt><dd>").append(html.link(f.resource().webUrl(), "in Microsoft 365")).append("</dd>");
        }
        new TreeMap<>(f.otherDetails()).forEach((key, value) -> term(out, ReadableValue.words(key), ReadableValue.of(value)));
        return out.append("</dl></div></details>").toString();
    }

    /** Why the item is a patient recording: the verdict, each signal with its weight, what argued against it. */
    private void classification(StringBuilder out, org.ward.rules.facts.ClassificationEvidence evidence, String itemRef) {
        out.append("<h4>Why it is a patient recording</h4><p class=\"prose\">");
        if (evidence.kind() == null) {
            out.append(html.text(evidence.verdict())).append("</p>");
            return;
        }
        out.append(html.text((itemRef == null ? "The item" : "Item " + itemRef) + " is " + (evidence.recording() ? "" : "not ")
                + "a " + (evidence.kindTitle() == null ? evidence.kind() : evidence.kindTitle()).toLowerCase(java.util.Locale.ROOT)
                + ": it scored " + evidence.score() + ", and " + evidence.threshold() + " is needed."));
        out.append("</p><ul class=\"evidence\">");
        if (evidence.copyOf() != null) {
            out.append("<li>").append(html.text("It is a copy: " + evidence.sentences().stream()
                    .filter(line -> line.startsWith("same content")).findFirst().orElse(""))).append("</li>");
        }
        evidence.signals().forEach(s -> out.append("<li>").append(html.text(s.sentence())).append("</li>"));
        evidence.against().forEach(s -> out.append("<li class=\"against\">").append(html.text(s.sentence())).append("</li>"));
        evidence.identifiers().forEach(id -> out.append("<li>").append(html.text(id.type() + " " + id.masked() + " in the "
                + id.where() + " (" + id.strength() + (id.context() == null ? "" : ": " + id.context()) + ")"
                + (id.testRange() ? ", from the test range" : ""))).append("</li>"));
        out.append("</ul>");
    }

    private void list(StringBuilder out, String heading, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append("<h4>").append(heading).append("</h4><ul>");
        items.forEach(item -> out.append("<li>").append(html.text(item)).append("</li>"));
        out.append("</ul>");
    }

    private void paragraph(StringBuilder out, String heading, String text) {
        if (text != null && !text.isBlank()) {
            out.append("<h4>").append(heading).append("</h4><p class=\"prose\">").append(html.text(text.strip()))
                    .append("</p>");
        }
    }

    private void term(StringBuilder out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            out.append("<dt>").append(html.text(name)).append("</dt><dd>").append(html.text(value)).append("</dd>");
        }
    }
}
