package org.ward.rules.findings;

import java.util.List;

/**
 * What one check concluded about one subject: findings, or that it could not decide and why ("not evaluated,
 * because ..."), never a silent pass.
 *
 * @param findings the problems found (empty for a pass)
 * @param notEvaluated why the check could not decide, null when it could
 */
public record CheckOutcome(List<FindingDraft> findings, String notEvaluated) {

    public static final CheckOutcome PASS = new CheckOutcome(List.of(), null);

    public CheckOutcome {
        findings = List.copyOf(findings);
    }

    public static CheckOutcome found(FindingDraft finding) {
        return new CheckOutcome(List.of(finding), null);
    }

    public static CheckOutcome notEvaluated(String because) {
        return new CheckOutcome(List.of(), because);
    }
}
