package org.ward.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ward.rules.recordings.RecordingsCatalogue;
import org.ward.rules.sharing.SharingCatalogue;

/** A pack's rules are bound against the catalogues: their ids, default severities and parameter defaults. */
class RuleCatalogueBindingTests {

    private final PolicyLoader loader = TestPolicies.loader();

    private Path pack(Path dir, String rules) throws IOException {
        Path file = dir.resolve("pack.yaml");
        Files.writeString(file, Files.readString(TestPolicies.FIXTURES.resolve("minimal.yaml")).replace("rules: []\n", "")
                + rules);
        return file;
    }

    @Test
    void ruleWithoutSeverityHasTheCataloguesDefault(@TempDir Path dir) throws IOException {
        PolicyPack pack = loader.loadFile(pack(dir, "rules:\n  - id: anonymous-link\n    findingType: ANONYMOUS_LINK\n"
                + "    title: Anyone links\n    rationale: No.\n    remediation: Remove.\n"));

        assertThat(pack.rule(SharingCatalogue.ANONYMOUS_LINK).orElseThrow().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void ruleWithoutParamsHasTheCataloguesDefaults(@TempDir Path dir) throws IOException {
        PolicyPack pack = loader.loadFile(pack(dir, "rules:\n  - id: recording-without-retention-label\n"
                + "    findingType: RECORDING_WITHOUT_RETENTION_LABEL\n    title: No label\n    rationale: No.\n"
                + "    remediation: Label it.\n"));

        assertThat(pack.rule(RecordingsCatalogue.RECORDING_WITHOUT_RETENTION_LABEL).orElseThrow().params()
                .period("gracePeriod")).isEqualTo(Period.ofDays(7));
    }

    @Test
    void ruleUnderAnotherIdThanTheCataloguesIsRejected(@TempDir Path dir) throws IOException {
        Path file = pack(dir, "rules:\n  - id: anyone-links\n    findingType: ANONYMOUS_LINK\n    title: Anyone links\n"
                + "    rationale: No.\n    remediation: Remove.\n");

        assertThatThrownBy(() -> loader.loadFile(file)).isInstanceOf(PolicyException.class).hasMessage(file + " line 14,"
                + " field rules[0].id: \"anyone-links\" is not the id of the ANONYMOUS_LINK rule: Ward's catalogue names it"
                + " \"anonymous-link\".");
    }

    @Test
    void packSaysWhyAFindingTypeDoesNotApply(@TempDir Path dir) throws IOException {
        PolicyPack pack = loader.loadFile(pack(dir, "rules: []\nnotApplicable:\n"
                + "  RISKY_USER: The service's tenants have no Entra ID Protection.\n"));

        assertThat(pack.notApplicable()).containsEntry(org.ward.rules.identity.IdentityCatalogue.RISKY_USER,
                "The service's tenants have no Entra ID Protection.");
    }

    @Test
    void findingTypeWithARuleCannotAlsoNotApply(@TempDir Path dir) throws IOException {
        Path file = pack(dir, "rules:\n  - id: anonymous-link\n    findingType: ANONYMOUS_LINK\n    title: Anyone links\n"
                + "    rationale: No.\n    remediation: Remove.\nnotApplicable:\n  ANONYMOUS_LINK: Links are fine here.\n");

        assertThatThrownBy(() -> loader.loadFile(file)).hasMessage(file + " line 20, field notApplicable.ANONYMOUS_LINK:"
                + " ANONYMOUS_LINK has a rule; a pack either has a rule for a finding type or says why it does not apply.");
    }

    @Test
    void findingTypeThatDoesNotApplyNeedsAReason(@TempDir Path dir) throws IOException {
        Path file = pack(dir, "rules: []\nnotApplicable:\n  RISKY_USER: \"\"\n");

        assertThatThrownBy(() -> loader.loadFile(file)).hasMessageContaining("say why RISKY_USER does not apply");
    }
}
