package org.ward.rules;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ward.rules.check.Check;
import org.ward.rules.identity.DetectorSetup;
import org.ward.rules.identity.SignInDetector;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.ParamSpec;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.Rule;

/**
 * Whether each catalogue line has all its parts: a check class named after its finding type, a rule in every shipped
 * pack (or the pack's word that it does not apply, and why), a remediation, a row in docs/policies.md that agrees with
 * the catalogue, and a test class named after the check. Returns one sentence per missing part.
 */
final class CatalogueConsistency {

    /** What a shipped pack says about each finding type: its rule's id, or why it does not apply. */
    record PackView(String id, Map<String, String> ruleIds, Map<String, String> notApplicable) {

        static PackView of(PolicyPack pack) {
            Map<String, String> rules = new java.util.LinkedHashMap<>();
            for (Rule rule : pack.rules()) {
                rules.put(rule.findingType().name(), rule.id());
            }
            Map<String, String> notApplicable = new java.util.LinkedHashMap<>();
            pack.notApplicable().forEach((type, why) -> notApplicable.put(type.name(), why));
            return new PackView(pack.id(), rules, notApplicable);
        }
    }

    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z_]+) \\| ([a-z-]+) \\| ([a-z]+) \\| (.*) \\|$",
            Pattern.MULTILINE);
    private static final Pattern DOCUMENTED_PARAM = Pattern.compile("`(\\w+)` \\(");

    private final List<PackView> packs;
    private final String policiesDoc;
    private final Predicate<String> testClassExists;

    /**
     * @param packs the shipped packs
     * @param policiesDoc docs/policies.md
     * @param testClassExists whether a test class of this fully qualified name exists
     */
    CatalogueConsistency(List<PackView> packs, String policiesDoc, Predicate<String> testClassExists) {
        this.packs = List.copyOf(packs);
        this.policiesDoc = policiesDoc;
        this.testClassExists = testClassExists;
    }

    List<String> problems(List<? extends FindingType> catalogue) {
        List<String> problems = new ArrayList<>();
        for (FindingType type : catalogue) {
            checkClass(type, problems);
            rules(type, problems);
            if (type.remediation() == null) {
                problems.add(type.name() + ": the catalogue line says nothing of how it is put right (an action or owner"
                        + " advice).");
            }
            documented(type, problems);
        }
        return problems;
    }

    private void checkClass(FindingType type, List<String> problems) {
        Class<?> check = type.checkClass();
        if (check == null) {
            problems.add(type.name() + ": the catalogue line names no check class.");
            return;
        }
        String camel = Arrays.stream(type.name().toLowerCase(java.util.Locale.ROOT).split("_"))
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).reduce("", String::concat);
        boolean detector = SignInDetector.class.isAssignableFrom(check);
        String expected = camel + (detector ? "Detector" : "Check");
        if (!check.getSimpleName().equalsIgnoreCase(expected)) {
            problems.add(type.name() + ": its check class is " + check.getSimpleName() + ", not " + expected + ".");
        }
        boolean constructible = Arrays.stream(check.getDeclaredConstructors()).anyMatch(c -> detector
                ? Arrays.equals(c.getParameterTypes(), new Class<?>[] {DetectorSetup.class})
                : c.getParameterCount() == 0);
        if (!detector && !Check.class.isAssignableFrom(check) || !constructible || Modifier.isAbstract(check.getModifiers())) {
            problems.add(type.name() + ": " + check.getSimpleName() + " is not a Check with a no-argument constructor nor a"
                    + " SignInDetector made from a DetectorSetup.");
        }
        String test = check.getName() + "Tests";
        if (!testClassExists.test(test)) {
            problems.add(type.name() + ": there is no test class " + test + ".");
        }
    }

    private void rules(FindingType type, List<String> problems) {
        for (PackView pack : packs) {
            String ruleId = pack.ruleIds().get(type.name());
            String why = pack.notApplicable().get(type.name());
            if (ruleId == null && (why == null || why.isBlank())) {
                problems.add(type.name() + ": the " + pack.id() + " pack has no rule for it and does not say why it does not"
                        + " apply.");
            } else if (ruleId != null && !ruleId.equals(type.ruleId())) {
                problems.add(type.name() + ": the " + pack.id() + " pack's rule is " + ruleId + ", not " + type.ruleId() + ".");
            }
        }
    }

    private void documented(FindingType type, List<String> problems) {
        Matcher row = ROW.matcher(policiesDoc);
        String params = null;
        while (row.find()) {
            if (row.group(1).equals(type.name())) {
                if (!row.group(2).equals(type.ruleId())) {
                    problems.add(type.name() + ": docs/policies.md gives its rule id as " + row.group(2) + ", not "
                            + type.ruleId() + ".");
                }
                if (!row.group(3).equals(type.defaultSeverity().yamlName())) {
                    problems.add(type.name() + ": docs/policies.md gives its default severity as " + row.group(3) + ", not "
                            + type.defaultSeverity().yamlName() + ".");
                }
                params = row.group(4);
            }
        }
        if (params == null) {
            problems.add(type.name() + ": docs/policies.md has no row for it under \"Finding types and rule parameters\".");
            return;
        }
        for (ParamSpec spec : type.params()) {
            if (!Pattern.compile("`" + spec.name() + "` \\(`?" + Pattern.quote(spec.fallbackText()) + "(?![\\w-])")
                    .matcher(params).find()) {
                problems.add(type.name() + ": docs/policies.md does not give " + spec.name() + " with its default "
                        + spec.fallbackText() + ".");
            }
        }
        Matcher documented = DOCUMENTED_PARAM.matcher(params);
        while (documented.find()) {
            String name = documented.group(1);
            if (type.params().stream().noneMatch(p -> p.name().equals(name))) {
                problems.add(type.name() + ": docs/policies.md documents a parameter " + name + " its catalogue line does not"
                        + " declare.");
            }
        }
    }
}
