package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.findings.FindingDraft;
import org.ward.rules.policy.IdentityThresholds;
import org.ward.rules.policy.Rule;

/**
 * ADMIN_WITHOUT_MFA: a holder of one of the pack's privileged roles ({@code identity.privilegedRoles}, CIS M365
 * 5.2.2.1) who has no MFA method registered, or whom no enabled conditional-access policy (nor security defaults)
 * makes use MFA. PASS: registered and required. NOT EVALUATED: role assignments unreadable, or neither registrations
 * nor policies readable.
 */
final class AdminWithoutMfaCheck implements Check<IdentityFacts> {

    @Override
    public CheckOutcome evaluate(IdentityFacts facts, Rule rule, CheckContext context) {
        IdentityThresholds thresholds = context.pack().identity();
        if (!facts.roles().available()) {
            return CheckOutcome.notEvaluated(facts.roles().notRun().because());
        }
        MfaCoverage coverage = new MfaCoverage(facts);
        if (!facts.registrations().available() && coverage.policies() == null) {
            return CheckOutcome.notEvaluated(facts.registrations().notRun().because() + "; and "
                    + facts.policies().notRun().because());
        }
        Map<String, MfaRegistration> registrations = facts.registrations().available()
                ? facts.registrations().value().stream().collect(Collectors.toMap(MfaRegistration::userId, r -> r, (a, b) -> a))
                : Map.of();
        Map<String, List<RoleHolder>> admins = facts.roles().value().stream()
                .filter(h -> thresholds.isPrivilegedRole(h.roleTemplateId(), h.roleName()))
                .collect(Collectors.groupingBy(RoleHolder::userId, LinkedHashMap::new, Collectors.toList()));
        List<FindingDraft> found = new ArrayList<>();
        for (List<RoleHolder> held : admins.values()) {
            RoleHolder who = held.get(0);
            Set<String> roleIds = held.stream().map(RoleHolder::roleTemplateId).collect(Collectors.toSet());
            Set<String> roleNames = held.stream().map(RoleHolder::roleName).collect(Collectors.toCollection(TreeSet::new));
            MfaRegistration registration = registrations.get(who.userId());
            boolean unregistered = facts.registrations().available() && (registration == null || !registration.mfaRegistered());
            Boolean required = coverage.covers(who.userId(), roleIds);
            if (!unregistered && !Boolean.FALSE.equals(required)) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            reasons.add("Holds " + String.join(", ", roleNames) + ", a privileged role (identity.privilegedRoles).");
            if (unregistered) {
                reasons.add("No multifactor authentication method is registered.");
            } else if (!facts.registrations().available()) {
                reasons.add("Registration not checked: " + facts.registrations().notRun().because() + ".");
            }
            if (Boolean.FALSE.equals(required)) {
                reasons.add("No enabled conditional-access policy requires MFA of them for all apps, and security defaults"
                        + " are off.");
            } else if (required == null) {
                reasons.add("Enforcement not checked: " + facts.policies().notRun().because() + ".");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("user", IdentityText.user(who.upn(), who.displayName()));
            details.put("roles", List.copyOf(roleNames));
            details.put("mfaRegistered", facts.registrations().available() ? !unregistered : "unknown");
            details.put("mfaRequired", required == null ? "unknown" : required);
            found.add(FindingDraft.of(rule, IdentityText.who(who.displayName(), who.upn()) + " holds "
                            + String.join(", ", roleNames) + (unregistered ? " without a registered MFA method."
                            : " and is not required to use MFA."), reasons, IdentitySubjects.user(who.userId(), who.upn()), null)
                    .withDetails(details));
        }
        String partly = !facts.registrations().available()
                ? "registration not checked, because " + facts.registrations().notRun().because()
                : coverage.policies() == null && !coverage.securityDefaultsOn()
                ? "enforcement not checked, because " + facts.policies().notRun().because() : null;
        return new CheckOutcome(found, partly);
    }
}
