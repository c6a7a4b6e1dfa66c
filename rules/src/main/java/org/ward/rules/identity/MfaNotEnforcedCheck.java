package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * MFA_NOT_ENFORCED: no enabled conditional-access policy requires MFA for all users and all cloud apps (CIS M365
 * 5.2.2.2), and security defaults are off (or on, but the rule's {@code acceptSecurityDefaults} is false). A policy
 * that covers all users but excludes some is reported with who is excluded and how many people that is. A tenant
 * without Entra ID P1 can have no policy in force, so security defaults alone decide.
 */
final class MfaNotEnforcedCheck implements Check<IdentityFacts> {

    @Override
    public CheckOutcome evaluate(IdentityFacts facts, Rule rule, CheckContext checks) {
        MfaCoverage coverage = new MfaCoverage(facts);
        boolean acceptDefaults = rule.params().bool("acceptSecurityDefaults");
        if (coverage.securityDefaultsOn() && acceptDefaults) {
            return CheckOutcome.PASS;
        }
        List<CaPolicyView> policies = coverage.policies();
        if (policies == null) {
            return CheckOutcome.notEvaluated(facts.policies().notRun().because());
        }
        if (!facts.securityDefaults().available() && policies.isEmpty()) {
            return CheckOutcome.notEvaluated(facts.securityDefaults().notRun().because());
        }
        List<CaPolicyView> enforcing = policies.stream().filter(p -> MfaCoverage.enforcesEverywhere(p) && p.allUsers()).toList();
        List<String> context = context(facts, coverage, acceptDefaults);
        if (!enforcing.isEmpty()) {
            return excluded(facts, rule, coverage, enforcing, context);
        }
        List<String> reasons = new ArrayList<>();
        for (CaPolicyView p : policies) {
            if (p.requiresMfa()) {
                reasons.add("The " + MfaCoverage.shortfall(p, false) + ".");
            }
        }
        if (reasons.isEmpty()) {
            reasons.add(policies.isEmpty() && facts.policies().available() ? "The tenant has no conditional-access policy."
                    : facts.policies().available() ? "No conditional-access policy requires MFA." : "");
        }
        reasons.addAll(context);
        reasons.removeIf(String::isEmpty);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("securityDefaults", facts.securityDefaults().available() ? facts.securityDefaults().value() : "unknown");
        details.put("policiesRequiringMfa", policies.stream().filter(CaPolicyView::requiresMfa).map(CaPolicyView::name).toList());
        return CheckOutcome.found(FindingDraft.of(rule, "No conditional-access policy requires MFA for all users and all"
                + " cloud apps, and security defaults are " + (coverage.securityDefaultsOn() ? "not accepted" : "off") + ".",
                reasons, IdentitySubjects.tenant(), null).withDetails(details));
    }

    private static List<String> context(IdentityFacts facts, MfaCoverage coverage, boolean acceptDefaults) {
        List<String> out = new ArrayList<>();
        if (!facts.policies().available()) {
            out.add(facts.policies().notRun().because().substring(0, 1).toUpperCase()
                    + facts.policies().notRun().because().substring(1) + ", so no conditional-access policy can apply.");
        }
        if (coverage.securityDefaultsOn() && !acceptDefaults) {
            out.add("Security defaults are on, but the pack does not accept them (acceptSecurityDefaults: false).");
        } else if (facts.securityDefaults().available()) {
            out.add("Security defaults are off.");
        }
        return out;
    }

    /** Policies cover all users: report those every one of them leaves out. */
    private static CheckOutcome excluded(IdentityFacts facts, Rule rule, MfaCoverage coverage, List<CaPolicyView> enforcing,
            List<String> context) {
        Set<String> people = null;
        List<String> sentences = new ArrayList<>();
        boolean incomplete = false;
        for (CaPolicyView p : enforcing) {
            MfaCoverage.Exclusions exclusions = coverage.exclusions(p);
            if (!exclusions.any()) {
                return CheckOutcome.PASS;
            }
            if (people == null) {
                people = new LinkedHashSet<>(exclusions.people());
            } else {
                people.retainAll(exclusions.people());
            }
            incomplete |= exclusions.countIncomplete();
            sentences.add("Policy \"" + p.name() + "\" " + String.join("; ", exclusions.sentences()) + ".");
        }
        Set<String> left = people;
        if (left.isEmpty() && !incomplete && enforcing.stream().allMatch(p -> p.excludeApplications().isEmpty())) {
            return CheckOutcome.PASS;
        }
        List<String> reasons = new ArrayList<>(sentences);
        reasons.add(IdentityText.plural(left.size(), "person").replace("persons", "people") + " "
                + (left.size() == 1 ? "is" : "are") + " excluded from every policy that requires MFA"
                + (incomplete ? ", and more whose membership Ward could not read" : "") + ".");
        reasons.addAll(context);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("policies", enforcing.stream().map(CaPolicyView::name).toList());
        details.put("excluded", sentences);
        details.put("people", left.size());
        details.put("peopleCountComplete", !incomplete);
        details.put("excludedPeople", left.stream().map(id -> facts.names().getOrDefault(id, id)).toList());
        return CheckOutcome.found(FindingDraft.of(rule, "MFA is required for all users except "
                        + IdentityText.plural(left.size(), "person").replace("persons", "people")
                        + (incomplete ? " or more" : "") + " the policies exclude.", reasons, IdentitySubjects.tenant(), null)
                .withDetails(details));
    }
}
