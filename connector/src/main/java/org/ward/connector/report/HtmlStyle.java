package org.ward.connector.report;

/** The page's inline style sheet: system fonts only, severity colours, a print layout without controls. */
final class HtmlStyle {

    static final String CSS = """
            :root{--ink:#1f2933;--muted:#52606d;--line:#d9e2ec;--bg:#f5f7fa;--critical:#7a1212;--high:#c62828;\
            --medium:#e07b00;--low:#2f6fb3;--info:#7b8794}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
            header,main,footer{max-width:1280px;margin:0 auto;padding:16px 24px}
            header{border-bottom:3px solid var(--ink)}
            h1{font-size:24px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 10px}h4{margin:10px 0 4px;font-size:13px}
            .meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0}
            .meta dt{font-weight:600}.meta dd{margin:0}
            .note{background:#fff8e1;border-left:4px solid var(--medium);padding:8px 12px}
            .cards{display:flex;flex-wrap:wrap;gap:10px}
            .card{border:1px solid var(--line);border-radius:6px;padding:10px 14px;min-width:120px;background:var(--bg)}
            .card b{display:block;font-size:26px}.card span{color:var(--muted)}
            .card.sev-critical{border-top:4px solid var(--critical)}.card.sev-high{border-top:4px solid var(--high)}
            .card.sev-medium{border-top:4px solid var(--medium)}.card.sev-low{border-top:4px solid var(--low)}
            .card.sev-info{border-top:4px solid var(--info)}
            .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}
            .chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:8px}
            .chart figcaption{font-weight:600;margin-bottom:4px}.chart svg{width:100%;height:auto}
            .chart .label{text-anchor:end;font-size:12px;fill:var(--ink)}.chart .count{font-size:12px;fill:var(--ink)}
            rect.sev-critical,.key.sev-critical{fill:var(--critical);background:var(--critical)}
            rect.sev-high,.key.sev-high{fill:var(--high);background:var(--high)}
            rect.sev-medium,.key.sev-medium{fill:var(--medium);background:var(--medium)}
            rect.sev-low,.key.sev-low{fill:var(--low);background:var(--low)}
            rect.sev-info,.key.sev-info{fill:var(--info);background:var(--info)}
            .legend .key{display:inline-block;width:12px;height:12px;margin:0 4px 0 10px;vertical-align:middle}
            .filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:end;margin-bottom:8px}
            .filters select,.filters input{font:inherit;padding:3px 6px;max-width:260px}
            table{border-collapse:collapse;width:100%}
            th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
            th{background:var(--bg);position:sticky;top:0}
            th button{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;color:inherit}
            th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
            td.type,td.path{word-break:break-word;font-size:12px}
            .badge{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px}
            .badge.sev-critical{background:var(--critical)}.badge.sev-high{background:var(--high)}
            .badge.sev-medium{background:var(--medium)}.badge.sev-low{background:var(--low)}.badge.sev-info{background:var(--info)}
            .status.resolved{color:var(--muted)}.new{background:#e3f2fd;border-radius:3px;padding:0 4px;font-size:12px}
            details summary{cursor:pointer}.detail{padding:4px 0 8px 14px}.detail dl{display:grid;grid-template-columns:\
            max-content 1fr;gap:2px 12px}.detail dt{font-weight:600}.detail dd{margin:0;word-break:break-word}
            .prose{white-space:pre-line;margin:0}.muted,footer{color:var(--muted)}.empty{color:var(--muted)}\
            .ref{color:var(--muted);font-size:11px;font-family:monospace;white-space:nowrap}.against{color:var(--muted)}
            @media print{body{font-size:11px}header,main,footer{max-width:none;padding:8px 0}.filters,#shown{display:none}\
            th{position:static}tr{break-inside:avoid}.charts{grid-template-columns:1fr 1fr}.chart{break-inside:avoid}\
            a{color:inherit;text-decoration:none}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
            """;

    private HtmlStyle() {
    }
}
