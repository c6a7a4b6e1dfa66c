package org.ward.connector;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ward.rules.check.Check;
import org.ward.rules.identity.SignInDetector;
import org.ward.rules.policy.FindingType;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries the architecture promises, kept by the build (docs/architecture.md). */
class ArchitectureTests {

    /** A collector: where a class lives makes it one, not an annotation it gives itself. */
    private static final DescribedPredicate<JavaClass> COLLECTOR = DescribedPredicate.describe(
            "collectors (classes in a capability's collect package)",
            c -> c.getPackageName().matches("org\\.ward\\.connector\\.\\w+\\.collect"));

    /** Checks, detectors, assessments and catalogues: what judges. */
    private static final DescribedPredicate<JavaClass> JUDGES = DescribedPredicate.describe("checks and what runs them",
            c -> c.isAssignableTo(Check.class) || c.isAssignableTo(SignInDetector.class) || c.isAssignableTo(FindingType.class)
                    || c.getPackageName().startsWith("org.ward.rules") && c.getSimpleName().endsWith("Assessment"));

    private static final JavaClasses WARD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.ward.connector");

    @Test
    void onlyTheGraphPackageAndCollectorsUseTheGraphSdk() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.ward.connector.graph..")
                .and(not(COLLECTOR))
                .should().dependOnClassesThat().resideInAnyPackage("com.microsoft.graph..", "com.microsoft.kiota..")
                .because("collectors are the only code that talks to Graph; everything else works on Ward's own records");
        assertHolds(rule);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        assertHolds(noClasses().that().resideOutsideOfPackage("org.ward.connector.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.ward.connector.cli..")
                .because("commands only orchestrate; no capability may depend on them"));
    }

    @Test
    void onlyTheCommandLineAndTheServiceReachIntoTheScanJob() {
        assertHolds(noClasses().that().resideOutsideOfPackages("org.ward.connector.scan..", "org.ward.connector.cli..",
                "org.ward.connector.serve..")
                .should().dependOnClassesThat().resideInAPackage("org.ward.connector.scan..")
                .because("scan orchestrates: capabilities add their steps as ScanStage and PlaceStage beans and record gaps"
                        + " through the runs register, so nothing needs the job's insides; the commands and ward serve start"
                        + " scans and drive refreshes"));
    }

    @Test
    void nothingButTheCommandLineDependsOnTheService() {
        assertHolds(noClasses().that().resideOutsideOfPackages("org.ward.connector.serve..", "org.ward.connector.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.ward.connector.serve..")
                .because("ward serve only orchestrates: the endpoints, outbox and subscriptions are the notifications"
                        + " capability's"));
    }

    @Test
    void collectorsHoldNoBusinessRules() {
        assertHolds(noClasses().that(COLLECTOR)
                .should().dependOnClassesThat().resideInAnyPackage("org.ward.rules.recordings..", "org.ward.rules.findings..",
                        "org.ward.rules.classify..", "org.ward.rules.check..")
                .orShould().dependOnClassesThat(JUDGES)
                .because("a collector maps Graph into records; judging them is the checks' job"));
    }

    /** The rule's violations, each named, are the failure message. */
    private static void assertHolds(ArchRule rule) {
        var result = rule.evaluate(WARD);
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }
}
