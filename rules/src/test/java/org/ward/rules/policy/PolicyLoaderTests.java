package org.ward.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.rules.identity.IdentityCatalogue;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;

class PolicyLoaderTests {

    private final PolicyLoader loader = TestPolicies.loader();

    @Test
    void loadsBuiltInPackByName() {
        assertThat(loader.load("hipaa").id()).isEqualTo("hipaa");
    }

    @Test
    void loadsFileByPath() {
        assertThat(loader.load("src/test/resources/policy/minimal.yaml").id()).isEqualTo("minimal");
    }

    @Test
    void loadsPackFromTheClasspath() {
        assertThat(loader.load("classpath:policy/minimal.yaml").sources()).containsExactly("classpath:policy/minimal.yaml");
    }

    @Test
    void sectionsAPackLeavesOutTakeTheirDefaults() {
        PolicyPack pack = loader.load("src/test/resources/policy/minimal.yaml");

        assertThat(pack.sharing().maximumLinkExpiry()).isEqualTo(Period.ofDays(30));
        assertThat(pack.sharing().temporaryCopies().gracePeriod()).isEqualTo(Period.ofDays(7));
        assertThat(pack.identity().impossibleTravel().maximumSpeedKmh()).isEqualTo(900);
        assertThat(pack.identity().passwordSpray().failureCodes()).containsExactly(50053, 50126, 50055);
    }

    @Test
    void ruleParametersTheFileLeavesOutTakeTheirDefaults() {
        PolicyPack pack = TestPolicies.nhsEngland();

        assertThat(pack.rule(RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL).orElseThrow().params().period("gracePeriod"))
                .isEqualTo(Period.ofDays(7));
        assertThat(pack.rule(IdentityCatalogue.RISKY_USER).orElseThrow().params().text("minimumRiskLevel")).isEqualTo("medium");
    }

    @Test
    void contentHashIsStableAcrossLoads() {
        assertThat(TestPolicies.nhsEngland().contentHash()).isEqualTo(TestPolicies.nhsEngland().contentHash());
    }

    @Test
    void contentHashDiffersWhenTheEffectivePolicyDiffers() {
        assertThat(TestPolicies.upwell().contentHash()).isNotEqualTo(TestPolicies.nhsEngland().contentHash());
    }

    @Test
    void contentHashIgnoresCommentsAndLayout(@TempDir Path dir) throws IOException {
        String minimal = Files.readString(TestPolicies.FIXTURES.resolve("minimal.yaml"));
        Path commented = dir.resolve("commented.yaml");
        Files.writeString(commented, "# a new comment\n\n" + minimal.replace("title: Minimal", "title:   Minimal   # trailing"));

        assertThat(loader.loadFile(commented).contentHash())
                .isEqualTo(loader.loadFile(TestPolicies.FIXTURES.resolve("minimal.yaml")).contentHash());
    }

    @Test
    void extendsARelativeFile(@TempDir Path dir) throws IOException {
        Files.copy(TestPolicies.FIXTURES.resolve("minimal.yaml"), dir.resolve("base.yaml"));
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "schemaVersion: 1\nid: child\ntitle: Child\nversion: \"1\"\nextends: base.yaml\n"
                + "recordings:\n  threshold: 20\n");

        PolicyPack pack = loader.loadFile(child);

        assertThat(pack.recordings().threshold()).isEqualTo(20);
        assertThat(pack.recordings().kindIds()).containsExactly("any-video");
    }

    @Test
    void plainListsAreReplacedNotMerged(@TempDir Path dir) throws IOException {
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "schemaVersion: 1\nid: child\ntitle: Child\nversion: \"1\"\nextends: nhs-england\n"
                + "labels:\n  sensitivityOrder:\n    - name: OFFICIAL\n    - name: OFFICIAL-SENSITIVE\n"
                + "  kinds:\n    consultation-video: { minimumSensitivity: OFFICIAL-SENSITIVE, fileSensitivity: OFFICIAL-SENSITIVE }\n"
                + "    consultation-audio: { minimumSensitivity: OFFICIAL-SENSITIVE, fileSensitivity: OFFICIAL-SENSITIVE }\n"
                + "    clinical-photo: { minimumSensitivity: OFFICIAL-SENSITIVE, fileSensitivity: OFFICIAL-SENSITIVE }\n"
                + "    research-interview: { minimumSensitivity: OFFICIAL-SENSITIVE, fileSensitivity: OFFICIAL-SENSITIVE }\n"
                + "    student-assessment: { minimumSensitivity: OFFICIAL-SENSITIVE, fileSensitivity: OFFICIAL-SENSITIVE }\n"
                + "    teams-meeting-recording: { minimumSensitivity: OFFICIAL, fileSensitivity: OFFICIAL }\n"
                + "    call-recording: { minimumSensitivity: OFFICIAL, fileSensitivity: OFFICIAL }\n"
                + "    cctv: { minimumSensitivity: OFFICIAL, fileSensitivity: OFFICIAL }\n");

        PolicyPack pack = loader.loadFile(child);

        assertThat(pack.labels().sensitivityOrder()).extracting(SensitivityLabel::name)
                .containsExactly("OFFICIAL", "OFFICIAL-SENSITIVE");
    }

    @Test
    void newRuleInAnExtensionIsAppended(@TempDir Path dir) throws IOException {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, Files.readString(TestPolicies.FIXTURES.resolve("minimal.yaml")));
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "schemaVersion: 1\nid: child\ntitle: Child\nversion: \"1\"\nextends: base.yaml\n"
                + "rules:\n  - id: anonymous-link\n    findingType: ANONYMOUS_LINK\n    title: Anyone links\n"
                + "    severity: high\n    rationale: No.\n    remediation: Remove.\n");

        assertThat(loader.loadFile(child).rule(SharingCatalogue.ANONYMOUS_LINK).orElseThrow().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void shippedPackMissingFromTheClasspathSaysTheBuildMustCopyIt() {
        PolicyLoader noPacks = new PolicyLoader(new BuiltInPacks.Classpath(new java.net.URLClassLoader(new java.net.URL[0], null)));

        assertThatThrownBy(() -> noPacks.loadBuiltIn("hipaa")).hasMessage("hipaa: the built-in policy pack is missing from"
                + " the classpath (classpath:policies/<name>.yaml; the build copies the repository's policies/*.yaml there).");
    }

    @Test
    void emptyPackDirectorySaysSo(@TempDir Path empty) {
        PolicyLoader emptyDirectory = new PolicyLoader(BuiltInPacks.directory(empty));

        assertThatThrownBy(() -> emptyDirectory.loadBuiltIn("hipaa")).hasMessage("hipaa: there is no built-in policy pack"
                + " of that name; no built-in packs were found in " + empty + ".");
    }

    @Test
    void loadsEveryShippedPackFromTheClasspathOnceTheBuildCopiesThem() {
        org.junit.jupiter.api.Assumptions.assumeTrue(getClass().getClassLoader().getResource("policies/nhs-england.yaml") != null,
                "the build does not copy policies/*.yaml onto the classpath yet");

        for (String name : BuiltInPacks.SHIPPED) {
            assertThat(PolicyLoader.fromClasspath().load(name).sources()).containsExactly("classpath:policies/" + name + ".yaml");
        }
    }

    @Test
    void builtInPacksAreReadFromTheClasspathInTheApplication() {
        assertThat(BuiltInPacks.classpath().names()).containsExactly("nhs-england", "hipaa", "au-privacy");
    }
}
