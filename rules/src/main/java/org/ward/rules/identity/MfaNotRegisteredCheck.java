package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.IdentityThresholds;
import org.ward.rules.policy.Rule;
import org.ward.rules.policy.Severity;

/**
 * MFA_NOT_REGISTERED: an enabled user with no strong authentication method registered (guests only when the rule's
 * {@code includeGuests} is true). Ranked by reach into patient data: owning a place that holds recordings, keeping
 * recordings in their OneDrive, or being named on a recording's permissions raises the rule's severity a step;
 * membership of a recordings site keeps it; no reach lowers it a step, unless the user holds an admin role. Holders
 * of the pack's privileged roles are reported as ADMIN_WITHOUT_MFA instead when that rule is on.
 */
final class MfaNotRegisteredCheck implements Check<IdentityFacts> {

    @Override
    public CheckOutcome evaluate(IdentityFacts facts, Rule rule, CheckContext context) {
        IdentityThresholds thresholds = context.pack().identity();
        boolean adminRuleOn = context.pack().rule(IdentityCatalogue.ADMIN_WITHOUT_MFA).map(Rule::enabled).orElse(false);
        if (!facts.registrations().available()) {
            return CheckOutcome.notEvaluated(facts.registrations().notRun().because());
        }
        boolean includeGuests = rule.params().bool("includeGuests");
        Map<String, List<RoleHolder>> roles = facts.roles().available()
                ? facts.roles().value().stream().collect(Collectors.groupingBy(RoleHolder::userId)) : Map.of();
        List<FindingDraft> found = new ArrayList<>();
        for (MfaRegistration r : facts.registrations().value()) {
            if (r.mfaRegistered() || r.guest() && !includeGuests) {
                continue;
            }
            List<RoleHolder> held = roles.getOrDefault(r.userId(), List.of());
            boolean privileged = held.stream().anyMatch(h -> thresholds.isPrivilegedRole(h.roleTemplateId(), h.roleName()));
            if (privileged && adminRuleOn) {
                continue;
            }
            found.add(finding(facts, rule, r, held));
        }
        return new CheckOutcome(found, null);
    }

    private FindingDraft finding(IdentityFacts facts, Rule rule, MfaRegistration r, List<RoleHolder> held) {
        Reach reach = facts.reach().of(r.userId(), r.upn());
        boolean admin = r.admin() || !held.isEmpty();
        Severity severity = rule.severity();
        if (facts.reach().scanned()) {
            severity = switch (reach.level()) {
                case STRONG -> SeverityRank.raise(severity, 1);
                case MEMBER -> severity;
                case NONE -> admin ? severity : SeverityRank.lower(severity, 1);
            };
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(r.methods().isEmpty() ? "No authentication method is registered."
                : "Only " + String.join(", ", r.methods()) + " registered, which serve" + (r.methods().size() == 1 ? "s" : "")
                        + " password reset, not a second factor.");
        if (r.guest()) {
            reasons.add("A guest: their MFA may be done by their home tenant, which Ward cannot see.");
        }
        Set<String> roleNames = held.stream().map(RoleHolder::roleName).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!roleNames.isEmpty()) {
            reasons.add("Holds " + String.join(", ", roleNames) + ".");
        } else if (r.admin()) {
            reasons.add("Entra counts the user as holding an admin role.");
        }
        reasons.addAll(facts.reach().sentences(r.userId(), r.upn()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("user", IdentityText.user(r.upn(), r.displayName()));
        details.put("methodsRegistered", r.methods());
        details.put("reach", facts.reach().scanned() ? reach.level().name().toLowerCase(java.util.Locale.ROOT) : "unknown");
        details.put("roles", List.copyOf(roleNames));
        return FindingDraft.of(rule, IdentityText.who(r.displayName(), r.upn()) + " has not registered a multifactor"
                        + " authentication method.", reasons, IdentitySubjects.user(r.userId(), r.upn()), null)
                .withSeverity(severity).withDetails(details);
    }
}
