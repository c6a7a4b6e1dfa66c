package org.ward.rules.policy;

import java.util.List;
import java.util.Map;

/**
 * One rule of a pack: the finding type it reports and everything normative about it. Checks read their severity,
 * parameters and texts from here, never from code.
 *
 * @param id stable kebab-case id ("anonymous-link")
 * @param findingType the finding type the rule reports (one rule per type)
 * @param title one line for reports
 * @param severity how urgent its findings are
 * @param enabled whether the rule reports at all
 * @param params the rule's typed parameters, defaults filled in
 * @param rationale why it matters
 * @param remediation what to do
 * @param references citations and links
 * @param mappings external control ids per framework ("gmc" -> ["57", "58"])
 */
public record Rule(
        String id,
        FindingType findingType,
        String title,
        Severity severity,
        boolean enabled,
        RuleParams params,
        String rationale,
        String remediation,
        List<String> references,
        Map<String, List<String>> mappings) {

    public Rule {
        references = List.copyOf(references);
        mappings = Map.copyOf(mappings);
    }
}
