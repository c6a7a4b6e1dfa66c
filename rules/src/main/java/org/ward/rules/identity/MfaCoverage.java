package org.ward.rules.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who conditional access (or security defaults) makes use MFA, and who it leaves out: the reading of policies the MFA
 * checks share. A policy counts when it is enabled, requires MFA (or an authentication strength) for all cloud apps
 * and every client, and no condition (sign-in risk, location, platform) narrows when it applies.
 */
final class MfaCoverage {

    private final IdentityFacts facts;

    MfaCoverage(IdentityFacts facts) {
        this.facts = facts;
    }

    /** Whether a policy makes everyone it covers use MFA everywhere. */
    static boolean enforcesEverywhere(CaPolicyView p) {
        return p.enabled() && p.requiresMfa() && p.allApplications() && p.allClients() && p.narrowedBy().isEmpty();
    }

    /** The policies in force, or an empty list when the tenant cannot have any (no P1 licence); null if unknown. */
    List<CaPolicyView> policies() {
        if (facts.policies().available()) {
            return facts.policies().value();
        }
        return facts.policies().notRun().cause() == NotRun.Cause.LICENCE ? List.of() : null;
    }

    boolean securityDefaultsOn() {
        return facts.securityDefaults().available() && Boolean.TRUE.equals(facts.securityDefaults().value());
    }

    /**
     * Whether MFA is required of this user: TRUE, FALSE, or null when Ward could not read the policies.
     *
     * @param roleTemplateIds the roles the user holds
     */
    Boolean covers(String userId, Set<String> roleTemplateIds) {
        if (securityDefaultsOn()) {
            return true;
        }
        List<CaPolicyView> policies = policies();
        if (policies == null) {
            return null;
        }
        return policies.stream().filter(MfaCoverage::enforcesEverywhere)
                .anyMatch(p -> includes(p, userId, roleTemplateIds) && !excludes(p, userId, roleTemplateIds));
    }

    private boolean includes(CaPolicyView p, String userId, Set<String> roles) {
        return p.allUsers() || p.includeUsers().contains(userId) || p.includeRoles().stream().anyMatch(roles::contains)
                || p.includeGroups().stream().anyMatch(g -> facts.groupMembers().getOrDefault(g, Set.of()).contains(userId));
    }

    private boolean excludes(CaPolicyView p, String userId, Set<String> roles) {
        return p.excludeUsers().contains(userId) || p.excludeRoles().stream().anyMatch(roles::contains)
                || p.excludeGroups().stream().anyMatch(g -> facts.groupMembers().getOrDefault(g, Set.of()).contains(userId));
    }

    /**
     * What a policy leaves out, as sentences, and the people (object ids) that adds up to. People excluded through a
     * group whose members Ward could not read are counted as unknown.
     */
    record Exclusions(List<String> sentences, Set<String> people, boolean countIncomplete) {

        boolean any() {
            return !sentences.isEmpty();
        }
    }

    Exclusions exclusions(CaPolicyView p) {
        List<String> sentences = new ArrayList<>();
        Set<String> people = new LinkedHashSet<>();
        boolean incomplete = false;
        for (String user : p.excludeUsers()) {
            sentences.add("excludes the user " + facts.names().getOrDefault(user, user));
            people.add(user);
        }
        for (String group : p.excludeGroups()) {
            Set<String> members = facts.groupMembers().get(group);
            String name = facts.names().getOrDefault(group, group);
            if (members == null) {
                sentences.add("excludes the group " + name + " (members not readable)");
                incomplete = true;
            } else {
                sentences.add("excludes the group " + name + " (" + IdentityText.plural(members.size(), "member") + ")");
                people.addAll(members);
            }
        }
        for (String role : p.excludeRoles()) {
            if (facts.roles().available()) {
                List<String> holders = facts.roles().value().stream().filter(h -> h.roleTemplateId().equalsIgnoreCase(role))
                        .map(RoleHolder::userId).distinct().toList();
                sentences.add("excludes holders of the role " + roleName(role) + " (" + IdentityText.plural(holders.size(),
                        "person").replace("persons", "people") + ")");
                people.addAll(holders);
            } else {
                sentences.add("excludes holders of the role " + roleName(role) + " (holders not readable)");
                incomplete = true;
            }
        }
        if (p.excludesGuests()) {
            sentences.add("excludes guests and external users");
            incomplete = true;
        }
        if (!p.excludeApplications().isEmpty()) {
            sentences.add("excludes " + IdentityText.plural(p.excludeApplications().size(), "application"));
        }
        return new Exclusions(sentences, people, incomplete);
    }

    private String roleName(String templateId) {
        if (facts.roles().available()) {
            for (RoleHolder h : facts.roles().value()) {
                if (h.roleTemplateId().equalsIgnoreCase(templateId) && !h.roleName().equals(templateId)) {
                    return h.roleName();
                }
            }
        }
        return facts.names().getOrDefault(templateId, templateId);
    }

    /** Why a policy that requires MFA (or blocks) does not count, in a few words. */
    static String shortfall(CaPolicyView p, boolean forLegacy) {
        List<String> why = new ArrayList<>();
        if (p.reportOnly()) {
            why.add("is in report-only mode");
        } else if (!p.enabled()) {
            why.add("is disabled");
        }
        if (!p.allUsers()) {
            why.add("covers selected users only");
        }
        if (!p.allApplications()) {
            why.add("covers selected apps only");
        }
        if (!forLegacy && !p.allClients()) {
            why.add("covers some client types only");
        }
        if (forLegacy && !p.legacyClients()) {
            why.add("does not target both Exchange ActiveSync and other clients");
        }
        if (!p.narrowedBy().isEmpty()) {
            why.add("applies only under conditions (" + String.join(", ", p.narrowedBy()) + ")");
        }
        return "policy \"" + p.name() + "\" " + String.join(" and ", why);
    }

    static Map<String, Object> peopleDetail(Exclusions exclusions, Map<String, String> names) {
        return Map.of("excluded", exclusions.sentences(), "people", exclusions.people().size(),
                "peopleCountComplete", !exclusions.countIncomplete(),
                "excludedPeople", exclusions.people().stream().map(id -> names.getOrDefault(id, id)).toList());
    }
}
