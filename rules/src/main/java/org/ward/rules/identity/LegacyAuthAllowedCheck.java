package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.Rule;

/**
 * LEGACY_AUTH_ALLOWED: no enabled conditional-access policy blocks the legacy client types (Exchange ActiveSync and
 * other clients) for all users and all apps (CIS M365 5.2.2.3, CISA MS.AAD.1.1v1), and security defaults — which
 * block legacy authentication — are off. A blocking policy with exclusions is reported with who may still use it.
 */
final class LegacyAuthAllowedCheck implements Check<IdentityFacts> {

    @Override
    public CheckOutcome evaluate(IdentityFacts facts, Rule rule, CheckContext context) {
        MfaCoverage coverage = new MfaCoverage(facts);
        if (coverage.securityDefaultsOn()) {
            return CheckOutcome.PASS;
        }
        List<CaPolicyView> policies = coverage.policies();
        if (policies == null) {
            return CheckOutcome.notEvaluated(facts.policies().notRun().because());
        }
        if (!facts.securityDefaults().available() && policies.isEmpty()) {
            return CheckOutcome.notEvaluated(facts.securityDefaults().notRun().because());
        }
        List<CaPolicyView> blocking = policies.stream().filter(p -> p.enabled() && p.blocks() && p.legacyClients()
                && p.allUsers() && p.allApplications() && p.narrowedBy().isEmpty()).toList();
        for (CaPolicyView p : blocking) {
            MfaCoverage.Exclusions exclusions = coverage.exclusions(p);
            if (!exclusions.any() || exclusions.people().isEmpty() && !exclusions.countIncomplete()
                    && p.excludeApplications().isEmpty()) {
                return CheckOutcome.PASS;
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (!blocking.isEmpty()) {
            CaPolicyView p = blocking.get(0);
            MfaCoverage.Exclusions exclusions = coverage.exclusions(p);
            details.put("policy", p.name());
            details.putAll(MfaCoverage.peopleDetail(exclusions, facts.names()));
            return CheckOutcome.found(FindingDraft.of(rule, "Legacy authentication is blocked except for "
                            + IdentityText.plural(exclusions.people().size(), "person").replace("persons", "people")
                            + (exclusions.countIncomplete() ? " or more" : "") + " the blocking policy excludes.",
                    List.of("Policy \"" + p.name() + "\" " + String.join("; ", exclusions.sentences()) + ".",
                            "Those accounts can still sign in with protocols that cannot do MFA."),
                    IdentitySubjects.tenant(), null).withDetails(details));
        }
        List<String> reasons = new ArrayList<>();
        policies.stream().filter(CaPolicyView::blocks).forEach(p -> reasons.add("The " + MfaCoverage.shortfall(p, true) + "."));
        if (reasons.isEmpty()) {
            reasons.add(facts.policies().available() ? "No conditional-access policy blocks legacy client types."
                    : facts.policies().notRun().because().substring(0, 1).toUpperCase()
                            + facts.policies().notRun().because().substring(1) + ", so no conditional-access policy can apply.");
        }
        if (facts.securityDefaults().available()) {
            reasons.add("Security defaults, which would block legacy authentication, are off.");
        }
        details.put("blockingPolicies", policies.stream().filter(CaPolicyView::blocks).map(CaPolicyView::name).toList());
        return CheckOutcome.found(FindingDraft.of(rule, "No conditional-access policy blocks legacy authentication, and"
                + " security defaults are off.", reasons, IdentitySubjects.tenant(), null).withDetails(details));
    }
}
