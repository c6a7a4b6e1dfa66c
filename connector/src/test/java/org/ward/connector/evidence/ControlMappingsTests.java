package org.ward.connector.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.TestPolicies;

/** A control whose rule could not run is "not evaluated, because …", never a silent pass. */
class ControlMappingsTests {

    final PolicyPack nhs = TestPolicies.nhsEngland();
    final RuleCoverage coverage = new RuleCoverage(List.of(
            "Not run admin-without-mfa: the app lacks RoleManagement.Read.Directory",
            "Not evaluated location-without-sensitivity-label: Graph exposes no sensitivity label for a OneDrive. (1: x)"));

    @Test
    void ruleThatDidNotRunIsNotEvaluated() {
        assertThat(rows("admin-without-mfa")).allSatisfy(row -> assertThat(row.get(5))
                .isEqualTo("not evaluated, because the app lacks RoleManagement.Read.Directory"));
    }

    @Test
    void ruleThatRanWithoutFindingsHasNoOpenFinding() {
        assertThat(rows("anonymous-link")).isNotEmpty().allSatisfy(row -> assertThat(row.get(5)).isEqualTo("no open finding"));
    }

    @Test
    void ruleThatCouldNotDecideForSomeItemsSaysSo() {
        assertThat(rows("location-without-sensitivity-label")).isNotEmpty().allSatisfy(row -> assertThat(row.get(5))
                .startsWith("no open finding; not evaluated for some items, because Graph exposes no sensitivity label"));
    }

    @Test
    void everyDeclaredMappingIsARow() {
        long declared = nhs.rules().stream().mapToLong(r -> r.mappings().values().stream().mapToLong(List::size).sum()).sum();
        assertThat(ControlMappings.of(nhs, List.of(), coverage).rows()).hasSize((int) declared);
    }

    @Test
    void checklistItemWhoseRulesDidNotAllRunIsNotMet() {
        RuleCoverage consentNotRun = new RuleCoverage(List.of("Not run recording-without-consent-evidence: no consent data"));
        RecordingChecklist.Assessed consent = RecordingChecklist.load().assess(nhs, List.of(), consentNotRun).stream()
                .filter(a -> a.item().id().equals("consent-with-recording")).findFirst().orElseThrow();
        assertThat(consent.result()).isEqualTo("not evaluated");
        assertThat(consent.evidence()).contains("Not evaluated, because these rules do not run: recording-without-consent-evidence");
    }

    private List<List<String>> rows(String ruleId) {
        return ControlMappings.of(nhs, List.of(), coverage).rows().stream().filter(row -> row.get(2).equals(ruleId)).toList();
    }
}
