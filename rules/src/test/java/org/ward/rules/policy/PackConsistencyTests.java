package org.ward.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ward.rules.Catalogues;

/** The shipped packs are complete: every finding type has one rule, every kind has labels and a retention period. */
class PackConsistencyTests {

    private static final List<PolicyPack> PACKS =
            List.of(TestPolicies.nhsEngland(), TestPolicies.hipaa(), TestPolicies.auPrivacy());

    @Test
    void everyFindingTypeHasExactlyOneRuleInTheNhsEnglandPack() {
        Map<FindingType, Long> rulesPerType = TestPolicies.nhsEngland().rules().stream()
                .collect(Collectors.groupingBy(Rule::findingType, Collectors.counting()));

        assertThat(rulesPerType).containsOnlyKeys(Catalogues.all().toArray(FindingType[]::new));
        assertThat(rulesPerType.values()).containsOnly(1L);
    }

    @Test
    void everyFindingTypeHasExactlyOneRuleInEveryShippedPack() {
        for (PolicyPack pack : PACKS) {
            assertThat(pack.rules()).as(pack.id()).extracting(Rule::findingType)
                    .containsExactlyInAnyOrderElementsOf(Catalogues.all());
        }
    }

    @Test
    void everyRuleCitesReferencesAndMappings() {
        for (PolicyPack pack : PACKS) {
            for (Rule rule : pack.rules()) {
                assertThat(rule.references()).as(pack.id() + " " + rule.id()).isNotEmpty();
                assertThat(rule.mappings()).as(pack.id() + " " + rule.id()).isNotEmpty();
            }
        }
    }

    @Test
    void everyRecordingKindHasLabelsAndARetentionPeriodInEveryShippedPack() {
        for (PolicyPack pack : PACKS) {
            for (String kind : pack.recordings().kindIds()) {
                assertThat(pack.labels().forKind(kind)).as(pack.id() + " " + kind).isPresent();
                assertThat(pack.retention().forKind(kind)).as(pack.id() + " " + kind).isPresent();
            }
        }
    }

    @Test
    void shippedPacksShareTheRecordingKindIds() {
        assertThat(PACKS).extracting(p -> p.recordings().kindIds()).allSatisfy(ids -> assertThat(ids)
                .containsExactlyElementsOf(TestPolicies.nhsEngland().recordings().kindIds()));
    }

    @Test
    void shippedPacksUseTheSameRuleIdForEachFindingType() {
        Function<PolicyPack, Map<FindingType, String>> ids = p -> p.rules().stream()
                .collect(Collectors.toMap(Rule::findingType, Rule::id));

        assertThat(PACKS).extracting(ids).containsOnly(ids.apply(TestPolicies.nhsEngland()));
    }

    @Test
    void hipaaPackFindsMrnsOnlyWithKeywordContext() {
        IdentifierSettings mrn = TestPolicies.hipaa().identifiers().settings(IdentifierType.MRN);

        assertThat(mrn.enabled()).isTrue();
        assertThat(mrn.keywords()).contains("MRN");
        assertThat(TestPolicies.hipaa().identifiers().enabled(IdentifierType.NHS_NUMBER)).isFalse();
    }

    @Test
    void australianPackEnablesMedicareNumbersOnly() {
        IdentifierPolicy identifiers = TestPolicies.auPrivacy().identifiers();

        assertThat(Arrays.stream(IdentifierType.values()).filter(identifiers::enabled))
                .containsExactly(IdentifierType.MEDICARE_NUMBER);
    }
}
