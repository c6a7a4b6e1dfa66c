package org.ward.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import org.junit.jupiter.api.Test;

/** What the rules module promises beyond its classpath (docs/architecture.md). */
class ArchitectureTests {

    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.ward.rules");

    @Test
    void classificationChecksAndDetectorsArePure() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.microsoft..",
                        "java.sql..", "java.net.http..", "okhttp3..")
                .because("checks are pure functions over collected records: no I/O, no SDK types, no Spring");
        assertHolds(rule);
    }

    @Test
    void onlyThePolicyBinderReadsFiles() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.ward.rules.policy")
                .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..", "java.net.http..")
                .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class, java.io.FileInputStream.class,
                        java.io.FileOutputStream.class, java.io.FileReader.class, java.io.FileWriter.class,
                        java.net.Socket.class, java.net.URL.class, java.net.URLConnection.class)
                .because("classification, checks and detectors judge the facts they are given; only the pack binder reads"
                        + " files, and nothing here talks to the network");
        assertHolds(rule);
    }

    /** The rule's violations, each named, are the failure message. */
    private static void assertHolds(ArchRule rule) {
        var result = rule.evaluate(RULES);
        assertThat(result.hasViolation()).as(result.getFailureReport().toString()).isFalse();
    }
}
