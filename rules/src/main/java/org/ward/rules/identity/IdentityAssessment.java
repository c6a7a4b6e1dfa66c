package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.Rule;

/**
 * Runs the tenant-level identity checks of the catalogue the pack enables over what was collected. A check that could
 * not run says why; a check that ran decides its finding type, so findings of it not found again are resolved. Pure.
 */
public final class IdentityAssessment {

    /**
     * What the checks (or the sign-in detectors) concluded.
     *
     * @param findings what they found
     * @param types the finding types decided (not-run ones left out, so their open findings stay as they are)
     * @param notRun why a check could not run, or ran only in part, by rule id
     */
    public record Outcome(List<FindingDraft> findings, Set<FindingType> types, Map<String, String> notRun) {
    }

    private final CheckContext context;
    private final Map<FindingType, Check<IdentityFacts>> checks = new LinkedHashMap<>();

    public IdentityAssessment(CheckContext context) {
        this.context = context;
        for (IdentityCatalogue type : IdentityCatalogue.values()) {
            type.tenantCheck().ifPresent(check -> checks.put(type, check));
        }
    }

    public Outcome assess(IdentityFacts facts) {
        List<FindingDraft> findings = new ArrayList<>();
        Set<FindingType> types = new LinkedHashSet<>();
        Map<String, String> notRun = new LinkedHashMap<>();
        for (Map.Entry<FindingType, Check<IdentityFacts>> check : checks.entrySet()) {
            FindingType type = check.getKey();
            Optional<Rule> rule = context.pack().rule(type).filter(Rule::enabled);
            if (rule.isEmpty()) {
                types.add(type);
                continue;
            }
            CheckOutcome outcome = check.getValue().evaluate(facts, rule.get(), context);
            findings.addAll(outcome.findings());
            if (outcome.notEvaluated() != null) {
                notRun.put(rule.get().id(), outcome.notEvaluated());
            }
            if (outcome.notEvaluated() == null || !outcome.findings().isEmpty()) {
                types.add(type);
            }
        }
        return new Outcome(findings, types, notRun);
    }
}
