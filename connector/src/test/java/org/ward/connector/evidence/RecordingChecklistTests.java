package org.ward.connector.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ward.rules.policy.PolicyPack;
import org.ward.rules.policy.TestPolicies;

/** The transcribed checklist: every item of the appendix, each assessed one way, naming only rules the packs have. */
class RecordingChecklistTests {

    final RecordingChecklist checklist = RecordingChecklist.load();

    @Test
    void holdsTheFifteenItemsOfTheAppendixWithTheirSource() {
        assertThat(checklist.items()).hasSize(15);
        assertThat(checklist.items().get(0).text()).startsWith("I have identified all the recording");
        assertThat(checklist.items().get(14).text()).startsWith("We are not using old hardware");
        assertThat(checklist.source().title()).contains("Compliant recording checklist");
        assertThat(checklist.source().publisher()).contains("Upwell Health Centre");
    }

    @Test
    void eachItemIsCheckedByWardWithEvidenceOrSaysWhyAPersonMust() {
        assertThat(checklist.items()).allSatisfy(item -> {
            if (item.checkedByWard()) {
                assertThat(item.evidence()).as(item.id()).isNotBlank();
                assertThat(item.person()).as(item.id()).isNull();
            } else {
                assertThat(item.person()).as(item.id()).isNotBlank();
            }
        });
        assertThat(checklist.items()).filteredOn(RecordingChecklist.Item::checkedByWard).extracting(RecordingChecklist.Item::id)
                .contains("consent-with-recording", "encrypted-transfer", "stored-in-shared-drive");
    }

    @Test
    void everyRuleItNamesIsInEveryShippedPack() {
        for (PolicyPack pack : List.of(TestPolicies.nhsEngland(), TestPolicies.hipaa(), TestPolicies.auPrivacy())) {
            for (RecordingChecklist.Item item : checklist.items()) {
                for (String rule : item.ward()) {
                    assertThat(pack.ruleById(rule)).as(pack.id() + " has " + rule).isPresent();
                }
                for (String rule : item.supports()) {
                    assertThat(pack.ruleById(rule)).as(pack.id() + " has " + rule).isPresent();
                }
            }
        }
    }

    @Test
    void shippedPacksMapTheFrameworksAuditorsAskFor() {
        assertThat(frameworks(TestPolicies.nhsEngland())).contains("dspt", "cis-m365");
        assertThat(frameworks(TestPolicies.hipaa())).contains("hipaa", "cis-m365");
        assertThat(frameworks(TestPolicies.auPrivacy())).contains("app", "cis-m365");
        assertThat(controls(TestPolicies.hipaa(), "hipaa")).anyMatch(c -> c.startsWith("164.308"))
                .anyMatch(c -> c.startsWith("164.312"));
        assertThat(controls(TestPolicies.auPrivacy(), "app")).anyMatch(c -> c.startsWith("11"));
    }

    private static List<String> frameworks(PolicyPack pack) {
        return pack.rules().stream().flatMap(r -> r.mappings().keySet().stream()).distinct().toList();
    }

    private static List<String> controls(PolicyPack pack, String framework) {
        return pack.rules().stream().flatMap(r -> r.mappings().getOrDefault(framework, List.of()).stream()).distinct().toList();
    }
}
