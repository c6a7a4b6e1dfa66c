package org.ward.rules.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ward.rules.policy.PolicyNode.MapNode;
import org.ward.rules.Catalogues;

/**
 * Binds and validates the {@code rules} section against the catalogues: typed fields, typed params with the
 * catalogue's defaults, the catalogue's rule ids and default severities, one rule per finding type.
 */
final class RuleSection {

    private static final Map<String, Severity> SEVERITIES = options(Arrays.asList(Severity.values()), Severity::yamlName);
    private static final Map<String, FindingType> FINDING_TYPES = options(Catalogues.all(), FindingType::name);

    private RuleSection() {
    }

    static List<Rule> bind(PolicyNode node, Problems problems) {
        if (!(node instanceof PolicyNode.ListNode list)) {
            problems.add(node.origin(), "expected a list of rules, found " + node.shape());
            return List.of();
        }
        Map<FindingType, Origin> seen = new HashMap<>();
        List<Rule> rules = new java.util.ArrayList<>();
        for (PolicyNode entry : list.items()) {
            Rule rule = rule(entry, problems);
            if (rule == null) {
                continue;
            }
            Origin typeOrigin = ((MapNode) entry).entries().get("findingType").origin();
            Origin first = seen.putIfAbsent(rule.findingType(), typeOrigin);
            if (first != null) {
                String where = first.path().replace(".findingType", "")
                        + (first.source().equals(typeOrigin.source()) ? " on line " : " in " + first.source() + " line ") + first.line();
                problems.add(typeOrigin, rule.findingType() + " already has a rule (" + where
                        + "); a pack has one rule per finding type, so change that rule by its id instead");
            } else if (!rule.id().equals(rule.findingType().ruleId())) {
                problems.add(((MapNode) entry).entries().get("id").origin(), "\"" + rule.id() + "\" is not the id of the "
                        + rule.findingType() + " rule: Ward's catalogue names it \"" + rule.findingType().ruleId() + "\"");
            } else {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    /**
     * Binds {@code notApplicable}: finding types the pack says do not apply to its jurisdiction, each with why. A type
     * has a rule or is not applicable, never both.
     */
    static Map<FindingType, String> notApplicable(PolicyNode node, List<Rule> rules, Problems problems) {
        if (!(node instanceof MapNode map)) {
            problems.add(node.origin(), "expected a map from finding type to why it does not apply, found " + node.shape());
            return Map.of();
        }
        Map<FindingType, String> out = new LinkedHashMap<>();
        map.entries().forEach((name, because) -> {
            Origin origin = map.keys().get(name);
            FindingType type = FINDING_TYPES.get(name);
            String why = Scalars.textOf(because, problems);
            if (type == null) {
                String hint = Suggestions.closest(name, FINDING_TYPES.keySet());
                problems.add(origin, "\"" + name + "\" is not a known finding type"
                        + (hint == null ? "" : " (did you mean \"" + hint + "\"?)"));
            } else if (rules.stream().anyMatch(r -> r.findingType() == type)) {
                problems.add(origin, type + " has a rule; a pack either has a rule for a finding type or says why it does"
                        + " not apply");
            } else if (why == null || why.isBlank()) {
                problems.add(because.origin(), "say why " + type + " does not apply");
            } else {
                out.put(type, why.strip());
            }
        });
        return out;
    }

    private static Rule rule(PolicyNode node, Problems problems) {
        NodeFields fields = NodeFields.of(node, problems, "id", "findingType", "title", "severity", "enabled", "params",
                "rationale", "remediation", "references", "mappings");
        String id = PolicyNames.id(fields, problems);
        FindingType type = required(fields, "findingType", FINDING_TYPES, "a known finding type", problems);
        String title = fields.requiredText("title");
        Severity severity = fields.has("severity") ? fields.choice("severity", SEVERITIES, "a severity", null)
                : type == null ? null : type.defaultSeverity();
        boolean enabled = fields.bool("enabled", true);
        String rationale = fields.requiredText("rationale");
        String remediation = fields.requiredText("remediation");
        List<String> references = fields.texts("references", List.of());
        Map<String, List<String>> mappings = mappings(fields, problems);
        RuleParams params = type == null ? null : params(fields, type, problems);
        if (id == null || type == null || title == null || severity == null || rationale == null || remediation == null
                || params == null) {
            return null;
        }
        return new Rule(id, type, title, severity, enabled, params, rationale.strip(), remediation.strip(), references, mappings);
    }

    private static <T> T required(NodeFields fields, String key, Map<String, T> options, String noun, Problems problems) {
        if (!fields.has(key)) {
            problems.add(fields.originOf(key), "is required");
            return null;
        }
        return fields.choice(key, options, noun, null);
    }

    private static RuleParams params(NodeFields fields, FindingType type, Problems problems) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        type.params().forEach(spec -> specs.put(spec.name(), spec));
        if (specs.isEmpty() && fields.node("params").orElse(null) instanceof MapNode given) {
            given.keys().forEach((name, origin) -> problems.add(origin, "is not a parameter: " + type + " rules take none"));
            return new RuleParams(Map.of());
        }
        NodeFields params = NodeFields.of(SharingSection.section(fields, "params"), problems, specs.keySet().toArray(String[]::new));
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec spec : specs.values()) {
            Object value = switch (spec.kind()) {
                case INTEGER -> params.integer(spec.name(), (Integer) spec.fallback(), 0, Integer.MAX_VALUE);
                case BOOLEAN -> params.bool(spec.name(), (Boolean) spec.fallback());
                case PERIOD -> params.period(spec.name(), (java.time.Period) spec.fallback());
                case CHOICE -> params.choice(spec.name(), options(spec.choices()), "an option", (String) spec.fallback());
            };
            values.put(spec.name(), value == null ? spec.fallback() : value);
        }
        return new RuleParams(values);
    }

    private static Map<String, List<String>> mappings(NodeFields fields, Problems problems) {
        Map<String, List<String>> mappings = new LinkedHashMap<>();
        fields.node("mappings").ifPresent(node -> {
            if (!(node instanceof MapNode map)) {
                problems.add(node.origin(), "expected a map from framework to control ids, found " + node.shape());
                return;
            }
            map.entries().forEach((framework, ids) -> {
                if (!PolicyNames.KEBAB.matcher(framework).matches()) {
                    problems.add(map.keys().get(framework), "\"" + framework + "\" must be a kebab-case framework name such as nhs-rm-code");
                }
                mappings.put(framework, Scalars.textsOf(ids, problems));
            });
        });
        return mappings;
    }

    private static Map<String, String> options(List<String> choices) {
        Map<String, String> options = new LinkedHashMap<>();
        choices.forEach(c -> options.put(c, c));
        return options;
    }

    private static <E> Map<String, E> options(List<E> values, java.util.function.Function<E, String> name) {
        Map<String, E> options = new LinkedHashMap<>();
        values.forEach(v -> options.put(name.apply(v), v));
        return options;
    }
}
