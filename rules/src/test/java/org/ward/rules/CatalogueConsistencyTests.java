package org.ward.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;
import org.ward.rules.CatalogueConsistency.PackView;
import org.ward.rules.check.Check;
import org.ward.rules.check.CheckContext;
import org.ward.rules.findings.CheckOutcome;
import org.ward.rules.policy.BuiltInPacks;
import org.ward.rules.policy.CatalogueLine;
import org.ward.rules.policy.FindingType;
import org.ward.rules.policy.ParamSpec;
import org.ward.rules.policy.Remediation;
import org.ward.rules.policy.Rule;
import org.ward.rules.policy.RuleParams;
import org.ward.rules.policy.Severity;
import org.ward.rules.policy.TestPolicies;

/**
 * Every catalogue line has its parts: a check named after its finding type, a rule in every shipped pack (or the
 * pack's word that it does not apply), a remediation, a row in docs/policies.md, and a test class named after the
 * check. Adding a check is those files and nothing else (docs/architecture.md, "Adding a check").
 */
class CatalogueConsistencyTests {

    private static final Path TESTS = Path.of("src/test/java");
    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.ward.rules");

    private static CatalogueConsistency shipped() throws IOException {
        List<PackView> packs = BuiltInPacks.SHIPPED.stream().map(TestPolicies.loader()::loadBuiltIn).map(PackView::of).toList();
        return new CatalogueConsistency(packs, Files.readString(Path.of("../docs/policies.md")),
                test -> Files.exists(TESTS.resolve(test.replace('.', '/') + ".java")));
    }

    @Test
    void everyCatalogueLineHasEveryPart() throws IOException {
        assertThat(shipped().problems(Catalogues.all())).isEmpty();
    }

    @Test
    void everyCatalogueIsAFamilyOfTheCatalogues() {
        List<Class<?>> catalogues = RULES.stream().filter(c -> c.isEnum() && c.isAssignableTo(FindingType.class))
                .<Class<?>>map(JavaClass::reflect).toList();

        assertThat(catalogues).as("the FindingType list, the binder and the planner read the families Catalogues lists")
                .containsExactlyInAnyOrderElementsOf(Catalogues.families());
    }

    @Test
    void ruleParameterDefaultsLiveOnlyInTheCatalogue() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.ward.rules.policy")
                .should().callMethod(RuleParams.class, "values")
                .because("a check reads a parameter as the binder filled it from the catalogue, never with a default of its"
                        + " own");
        assertThat(rule.evaluate(RULES).getFailureReport().getDetails()).isEmpty();
    }

    @Test
    void aCompleteLinePassesAndEachMissingPartIsNamed() {
        String doc = String.join("\n", "| COMPLETE | complete | low | `limit` (3) |",
                "| WITHOUT_PACK_RULE | without-pack-rule | low | — |", "| MISNAMED | misnamed | low | — |",
                "| WITHOUT_TEST | without-test | low | — |", "| WITH_STALE_DEFAULT | with-stale-default | low | `limit` (5) |",
                "| WITHOUT_REMEDIATION | without-remediation | low | — |", "| NOT_APPLICABLE | not-applicable | low | — |");
        Map<String, String> rules = Map.of("COMPLETE", "complete", "MISNAMED", "misnamed", "WITHOUT_DOCS", "without-docs",
                "WITHOUT_TEST", "without-test", "WITH_STALE_DEFAULT", "with-stale-default",
                "WITHOUT_REMEDIATION", "without-remediation");
        CatalogueConsistency consistency = new CatalogueConsistency(List.of(new PackView("pack", rules,
                Map.of("NOT_APPLICABLE", "There is no such thing here."))), doc, test -> !test.endsWith("WithoutTestCheckTests"));

        assertThat(consistency.problems(List.of(Incomplete.values()))).containsExactly(
                "WITHOUT_PACK_RULE: the pack pack has no rule for it and does not say why it does not apply.",
                "MISNAMED: its check class is SomeCheck, not MisnamedCheck.",
                "WITHOUT_DOCS: docs/policies.md has no row for it under \"Finding types and rule parameters\".",
                "WITHOUT_TEST: there is no test class " + WithoutTestCheck.class.getName() + "Tests.",
                "WITH_STALE_DEFAULT: docs/policies.md does not give limit with its default 3.",
                "WITHOUT_REMEDIATION: the catalogue line says nothing of how it is put right (an action or owner advice).");
    }

    /** A catalogue whose lines each lack one part, except the first and the last. */
    enum Incomplete implements FindingType {
        COMPLETE(CompleteCheck.class, Remediation.ownerAdvice("Fix it."), ParamSpec.integer("limit", 3)),
        WITHOUT_PACK_RULE(WithoutPackRuleCheck.class, Remediation.ownerAdvice("Fix it.")),
        MISNAMED(SomeCheck.class, Remediation.ownerAdvice("Fix it.")),
        WITHOUT_DOCS(WithoutDocsCheck.class, Remediation.ownerAdvice("Fix it.")),
        WITHOUT_TEST(WithoutTestCheck.class, Remediation.ownerAdvice("Fix it.")),
        WITH_STALE_DEFAULT(WithStaleDefaultCheck.class, Remediation.ownerAdvice("Fix it."), ParamSpec.integer("limit", 3)),
        WITHOUT_REMEDIATION(WithoutRemediationCheck.class, null),
        NOT_APPLICABLE(NotApplicableCheck.class, Remediation.action(Remediation.Kind.REMOVE_LINK));

        private final CatalogueLine line;

        Incomplete(Class<?> check, Remediation remediation, ParamSpec... params) {
            this.line = new CatalogueLine(check, Severity.LOW, remediation, List.of(params));
        }

        @Override
        public CatalogueLine line() {
            return line;
        }
    }

    /** A check that finds nothing, as each line's check. */
    abstract static class Nothing implements Check<Object> {
        @Override
        public CheckOutcome evaluate(Object facts, Rule rule, CheckContext context) {
            return CheckOutcome.PASS;
        }
    }

    static final class CompleteCheck extends Nothing {
    }

    static final class WithoutPackRuleCheck extends Nothing {
    }

    static final class SomeCheck extends Nothing {
    }

    static final class WithoutDocsCheck extends Nothing {
    }

    static final class WithoutTestCheck extends Nothing {
    }

    static final class WithStaleDefaultCheck extends Nothing {
    }

    static final class WithoutRemediationCheck extends Nothing {
    }

    static final class NotApplicableCheck extends Nothing {
    }
}
