package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.ward.rules.policy.Severity;

/**
 * RISKY_USER: a user Entra ID Protection holds at risk (atRisk or confirmedCompromised) at or above the rule's
 * {@code minimumRiskLevel}, with their risk detections as evidence. Ward's ranking: confirmed compromise raises the
 * rule's severity a step, and so does reach into patient data (owner, named on recordings, OneDrive copies) or a
 * privileged role.
 */
final class RiskyUserCheck implements Check<IdentityFacts> {

    private static final List<String> LEVELS = List.of("none", "low", "medium", "high");
    private static final Set<String> AT_RISK = Set.of("atrisk", "confirmedcompromised");

    @Override
    public CheckOutcome evaluate(IdentityFacts facts, Rule rule, CheckContext context) {
        if (!facts.riskyUsers().available()) {
            return CheckOutcome.notEvaluated(facts.riskyUsers().notRun().because());
        }
        int minimum = LEVELS.indexOf(rule.params().text("minimumRiskLevel").toLowerCase(Locale.ROOT));
        List<FindingDraft> found = new ArrayList<>();
        for (RiskyUserView u : facts.riskyUsers().value()) {
            String level = String.valueOf(u.riskLevel()).toLowerCase(Locale.ROOT);
            if (!AT_RISK.contains(String.valueOf(u.riskState()).toLowerCase(Locale.ROOT))
                    || LEVELS.contains(level) && LEVELS.indexOf(level) < minimum) {
                continue;
            }
            found.add(finding(facts, rule, u, context.pack().identity()));
        }
        return new CheckOutcome(found, facts.detections().available() ? null
                : "risk detections not read as evidence, because " + facts.detections().notRun().because());
    }

    private FindingDraft finding(IdentityFacts facts, Rule rule, RiskyUserView u, IdentityThresholds thresholds) {
        Reach reach = facts.reach().of(u.userId(), u.upn());
        Set<String> privileged = facts.roles().available() ? facts.roles().value().stream()
                .filter(h -> h.userId().equals(u.userId()) && thresholds.isPrivilegedRole(h.roleTemplateId(), h.roleName()))
                .map(RoleHolder::roleName).collect(Collectors.toCollection(TreeSet::new)) : Set.of();
        boolean compromised = "confirmedcompromised".equalsIgnoreCase(u.riskState());
        Severity severity = rule.severity();
        if (compromised) {
            severity = SeverityRank.raise(severity, 1);
        }
        if (reach.level() == Reach.Level.STRONG || !privileged.isEmpty()) {
            severity = SeverityRank.raise(severity, 1);
        }
        List<RiskDetectionView> detections = facts.detections().available() ? facts.detections().value().stream()
                .filter(d -> u.userId().equals(d.userId())).toList() : List.of();
        List<String> reasons = new ArrayList<>();
        reasons.add("Entra ID Protection rates the user's risk " + u.riskLevel() + " (" + u.riskState() + ")"
                + (u.updated() == null ? "" : " since " + IdentityText.minute(u.updated())) + ".");
        if (!detections.isEmpty()) {
            reasons.add(IdentityText.plural(detections.size(), "risk detection") + ": " + detections.stream()
                    .map(d -> d.type() + " from " + d.place()).distinct().collect(Collectors.joining(", ")) + ".");
        }
        if (!privileged.isEmpty()) {
            reasons.add("Holds " + String.join(", ", privileged) + ".");
        }
        reasons.addAll(facts.reach().sentences(u.userId(), u.upn()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("user", IdentityText.user(u.upn(), u.displayName()));
        details.put("riskLevel", u.riskLevel());
        details.put("riskState", u.riskState());
        details.put("reach", facts.reach().scanned() ? reach.level().name().toLowerCase(Locale.ROOT) : "unknown");
        details.put("detections", detections.stream().map(RiskDetectionView::toMap).toList());
        return FindingDraft.of(rule, IdentityText.who(u.displayName(), u.upn()) + " is at " + u.riskLevel()
                        + " risk in Entra ID Protection.", reasons, IdentitySubjects.user(u.userId(), u.upn()), null)
                .withSeverity(severity).withDetails(details);
    }
}
