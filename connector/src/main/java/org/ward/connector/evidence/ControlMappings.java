package org.ward.connector.evidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.ward.rules.findings.Finding;
import org.ward.rules.findings.FindingStatus;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * The control mappings the policy pack declares (NHS DSPT, HIPAA, the Australian Privacy Principles, CIS Microsoft
 * 365, ...): one row per framework control and rule, with what the register says about that rule now.
 */
final class ControlMappings {

    private ControlMappings() {
    }

    /** A rule's standing in the latest scan; no open finding counts only where the rule ran. */
    static String state(Rule rule, long open, RuleCoverage coverage) {
        if (!rule.enabled()) {
            return "not evaluated: rule disabled in the pack";
        }
        java.util.Optional<String> notRun = coverage.notRun(rule.id());
        if (notRun.isPresent()) {
            return "not evaluated, because " + notRun.get();
        }
        String partly = coverage.partly(rule.id()).map(why -> "; not evaluated for some items, because " + why).orElse("");
        return (open > 0 ? "findings open" : "no open finding") + partly;
    }

    static Table of(PolicyPack pack, List<Finding> findings, RuleCoverage coverage) {
        record Line(String framework, String control, Rule rule) {
        }
        List<Line> lines = new ArrayList<>();
        for (Rule rule : pack.rules()) {
            for (Map.Entry<String, List<String>> e : rule.mappings().entrySet()) {
                e.getValue().forEach(control -> lines.add(new Line(e.getKey(), control, rule)));
            }
        }
        lines.sort(Comparator.comparing(Line::framework).thenComparing(Line::control).thenComparing(l -> l.rule().id()));
        List<List<String>> rows = new ArrayList<>();
        for (Line line : lines) {
            Rule rule = line.rule();
            long open = findings.stream().filter(f -> rule.id().equals(f.ruleId()) && f.status() == FindingStatus.OPEN).count();
            long resolved = findings.stream().filter(f -> rule.id().equals(f.ruleId()) && f.status() == FindingStatus.RESOLVED)
                    .count();
            long accepted = findings.stream()
                    .filter(f -> rule.id().equals(f.ruleId()) && f.status() == FindingStatus.ACCEPTED_RISK).count();
            String state = state(rule, open, coverage);
            rows.add(List.of(line.framework(), line.control(), rule.id(), rule.title(), rule.severity().yamlName(), state,
                    String.valueOf(open), String.valueOf(accepted), String.valueOf(resolved)));
        }
        return new Table("Control mappings", List.of("framework", "control", "ruleId", "rule", "severity", "state", "open",
                "acceptedRisk", "resolved"), rows);
    }
}
