package org.ward.connector.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the latest scan could not evaluate, by rule: a rule that did not run at all ("Not run rule-id: why") or could
 * not decide for some items ("Not evaluated rule-id: why (n: ...)"), read from the scan's coverage gaps. A rule with
 * no open finding is only "met" when it ran.
 */
record RuleCoverage(List<String> gaps) {

    RuleCoverage {
        gaps = List.copyOf(gaps);
    }

    /** Why the rule did not run at all, if it did not. */
    Optional<String> notRun(String ruleId) {
        return reason("Not run " + ruleId + ": ");
    }

    /** Why the rule could not decide for some items, if so. */
    Optional<String> partly(String ruleId) {
        return reason("Not evaluated " + ruleId + ": ");
    }

    private Optional<String> reason(String prefix) {
        List<String> found = new ArrayList<>();
        for (String gap : gaps) {
            if (gap.startsWith(prefix)) {
                found.add(gap.substring(prefix.length()));
            }
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", found));
    }
}
