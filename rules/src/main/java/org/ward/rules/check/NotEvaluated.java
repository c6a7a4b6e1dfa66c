package org.ward.rules.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.policy.Rule;

/**
 * Why checks could not decide, each reason with the subjects (places, items) it covers: the scan reports them as
 * coverage gaps, so a check that lacked data is never a silent pass. Not thread-safe: one per assessment.
 */
public final class NotEvaluated {

    private final Map<String, Set<String>> reasons = new LinkedHashMap<>();

    /** Records the outcome's reason, if it has one, against the subject. */
    public void record(Rule rule, CheckOutcome outcome, String subject) {
        if (outcome.notEvaluated() != null) {
            reasons.computeIfAbsent(rule.id() + ": " + outcome.notEvaluated(), k -> new TreeSet<>()).add(subject);
        }
    }

    /** "rule-id: reason" with the subjects it covers. */
    public Map<String, Set<String>> byReason() {
        return Map.copyOf(reasons);
    }

    /** The same as sentences: "Not evaluated rule-id: reason (3: A, B, C)." */
    public List<String> sentences() {
        List<String> sentences = new ArrayList<>();
        reasons.forEach((reason, subjects) -> {
            List<String> named = subjects.stream().limit(5).toList();
            String more = subjects.size() > named.size() ? " and " + (subjects.size() - named.size()) + " more" : "";
            sentences.add("Not evaluated " + reason + " (" + subjects.size() + ": " + String.join(", ", named) + more + ")");
        });
        return sentences;
    }
}
