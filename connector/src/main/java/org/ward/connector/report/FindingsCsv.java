package org.ward.connector.report;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ward.rules.findings.Finding;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code findings.csv}: RFC 4180 (CRLF line ends, a header row, fields quoted when they hold a comma, quote, CR or
 * LF, quotes doubled), UTF-8 with a byte-order mark so Excel reads it as UTF-8. Columns are the JSON fields; reasons
 * are joined with " | ", the classification evidence is one readable sentence and details are compact JSON.
 */
final class FindingsCsv {

    /** Excel only reads a CSV file as UTF-8 when it starts with a byte-order mark. */
    static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private final JsonMapper json = JsonMapper.builder().build();
    private final MaskedText masked;

    FindingsCsv(MaskedText masked) {
        this.masked = masked;
    }

    String render(List<Finding> findings) {
        StringBuilder out = new StringBuilder(BOM);
        out.append(String.join(",", FindingFields.NAMES)).append(CRLF);
        for (Finding finding : findings) {
            Map<String, Object> fields = FindingFields.of(finding, masked);
            fields.put("classification", FindingFields.classificationText(finding, masked));
            out.append(FindingFields.NAMES.stream().map(name -> cell(text(fields.get(name))))
                    .collect(Collectors.joining(","))).append(CRLF);
        }
        return out.toString();
    }

    private String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).collect(Collectors.joining(" | "));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "" : json.writeValueAsString(map);
        }
        return value.toString();
    }

    /**
     * One field, guarded against formula injection (a spreadsheet runs a cell starting with =, +, -, @, tab or CR
     * as a formula; a leading apostrophe makes it text) and quoted when RFC 4180 asks for it.
     */
    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
