package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * Runs the tenant-level identity checks the pack enables over what was collected. A check that could not run says
 * why; a check that ran decides its finding type, so findings of it not found again are resolved. Pure.
 */
public final class IdentityAssessment {

    /**
     * What the checks concluded.
     *
     * @param findings what they found
     * @param types the finding types decided (not-run ones left out, so their open findings stay as they are)
     * @param notRun why a check could not run, or ran only in part, by rule id
     */
    public record Outcome(List<FindingDraft> findings, Set<FindingType> types, Map<String, String> notRun) {
    }

    private final PolicyPack pack;
    private final List<IdentityCheck> checks;

    public IdentityAssessment(PolicyPack pack) {
        this.pack = pack;
        boolean adminRuleOn = pack.rule(FindingType.ADMIN_WITHOUT_MFA).map(Rule::enabled).orElse(false);
        this.checks = List.of(new MfaNotRegisteredCheck(pack.identity(), adminRuleOn),
                new AdminWithoutMfaCheck(pack.identity()), new MfaNotEnforcedCheck(), new LegacyAuthAllowedCheck(),
                new RiskyUserCheck(pack.identity()));
    }

    public Outcome assess(IdentityFacts facts) {
        List<FindingDraft> findings = new ArrayList<>();
        Set<FindingType> types = new LinkedHashSet<>();
        Map<String, String> notRun = new LinkedHashMap<>();
        for (IdentityCheck check : checks) {
            Rule rule = pack.rule(check.type()).orElse(null);
            if (rule == null || !rule.enabled()) {
                types.add(check.type());
                continue;
            }
            CheckOutcome outcome = check.evaluate(facts, rule);
            findings.addAll(outcome.findings());
            if (outcome.notEvaluated() != null) {
                notRun.put(rule.id(), outcome.notEvaluated());
            }
            if (outcome.notEvaluated() == null || !outcome.findings().isEmpty()) {
                types.add(check.type());
            }
        }
        return new Outcome(findings, types, notRun);
    }
}
