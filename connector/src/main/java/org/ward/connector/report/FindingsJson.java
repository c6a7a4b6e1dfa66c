package org.ward.connector.report;

import java.util.List;
import java.util.Map;

import org.ward.rules.findings.Finding;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code findings.json}: a JSON array with one object per finding, fields as {@link FindingFields#NAMES}. */
final class FindingsJson {

    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final MaskedText masked;

    FindingsJson(MaskedText masked) {
        this.masked = masked;
    }

    String render(List<Finding> findings) {
        List<Map<String, Object>> rows = findings.stream().map(f -> FindingFields.of(f, masked)).toList();
        return json.writeValueAsString(rows) + "\n";
    }
}
