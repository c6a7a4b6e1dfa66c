package org.ward.rules.policy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each broken file stops loading with one sentence naming the file, the line and the field that are wrong. */
class BrokenPackTests {

    private final PolicyLoader loader = TestPolicies.loader();

    private void assertRejected(String fixture, String message) {
        assertThatThrownBy(() -> loader.loadFile(TestPolicies.FIXTURES.resolve(fixture)))
                .isInstanceOf(PolicyException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsUnknownKeyAndSuggestsTheField() {
        assertRejected("unknown-key.yaml", "src/test/resources/policy/unknown-key.yaml line 9, field rules[0].seveirty:"
                + " is not a known field (did you mean \"severity\"?).");
    }

    @Test
    void rejectsFileLabelOutsideTheSensitivityOrderAndAnEmptyRetentionEvent() {
        assertRejected("unknown-file-label.yaml", "src/test/resources/policy/unknown-file-label.yaml line 9, field"
                + " labels.kinds.consultation-video.fileSensitivity: \"Confidental\" is not in labels.sensitivityOrder, so"
                + " Ward cannot tell which labels are lower.\n"
                + "src/test/resources/policy/unknown-file-label.yaml line 12, field retention.kinds.cctv.event: is empty:"
                + " name the event that starts the retention label's period (e.g. \"Patient's 25th birthday\"), or leave the"
                + " field out when the period runs from creation.");
    }

    @Test
    void rejectsSeverityOutsideTheList() {
        assertRejected("bad-severity.yaml", "src/test/resources/policy/bad-severity.yaml line 15, field rules[3].severity:"
                + " \"urgent\" is not one of critical, high, medium, low, info.");
    }

    @Test
    void rejectsPeriodThatIsNotIso8601() {
        assertRejected("bad-period.yaml", "src/test/resources/policy/bad-period.yaml line 10, field"
                + " retention.kinds.cctv.maximumAge: \"30 days\" is not an ISO-8601 period such as P7D, P3M or P8Y.");
    }

    @Test
    void rejectsRegularExpressionThatDoesNotCompile() {
        assertRejected("bad-regex.yaml", "src/test/resources/policy/bad-regex.yaml line 11, field"
                + " identifiers.types.mrn.patterns[0]: \"(?<id>[0-9]{6,10}\" is not a valid regular expression:"
                + " Unclosed group near index 17.");
    }

    @Test
    void rejectsIdentifierRangesFormatsAndNegativeKeywordsWrittenWrongly() {
        assertThatThrownBy(() -> loader.loadFile(TestPolicies.FIXTURES.resolve("bad-identifier-shapes.yaml")))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("line 10, field identifiers.types.nhs-number.ranges[0]: \"499 999 9999-400 000 0000\" is"
                        + " not a range such as 300 000 0000-499 999 9999 (the lower number first).")
                .hasMessageContaining("line 11, field identifiers.types.nhs-number.formats[0]: \"3 3 4\" is not a format such"
                        + " as 3-3-4")
                .hasMessageContaining("field recordings.negativeKeywords[0].weight: is required");
    }

    @Test
    void rejectsUnknownFindingType() {
        assertRejected("unknown-finding-type.yaml", "src/test/resources/policy/unknown-finding-type.yaml line 9, field"
                + " rules[0].findingType: \"ANONYMOUS_LNK\" is not a known finding type (did you mean \"ANONYMOUS_LINK\"?).");
    }

    @Test
    void rejectsDuplicateRuleIdInOneFile() {
        assertRejected("duplicate-rule-id.yaml", "src/test/resources/policy/duplicate-rule-id.yaml line 10, field"
                + " rules[1].id: \"anonymous-link\" is already used by rules[0] on line 8.");
    }

    @Test
    void rejectsExtendsOfUnknownBuiltInPack() {
        assertRejected("missing-extends.yaml", "src/test/resources/policy/missing-extends.yaml line 6, field extends:"
                + " \"nhs-englnd\" is not a built-in pack (did you mean \"nhs-england\"?); built-in packs are"
                + " au-privacy, hipaa, nhs-england.");
    }

    @Test
    void rejectsExtendsOfMissingFile() {
        assertRejected("missing-extends-file.yaml", "src/test/resources/policy/missing-extends-file.yaml line 6, field"
                + " extends: the file src/test/resources/packs/base.yaml does not exist.");
    }

    @Test
    void rejectsYamlSyntaxError() {
        assertRejected("syntax-error.yaml", "src/test/resources/policy/syntax-error.yaml line 5: the YAML is not"
                + " well-formed: mapping values are not allowed here (column 10).");
    }

    @Test
    void rejectsFilesThatExtendEachOther() {
        assertRejected("cycle-a.yaml", "src/test/resources/policy/cycle-b.yaml line 6, field extends: \"cycle-a.yaml\""
                + " makes a cycle: src/test/resources/policy/cycle-a.yaml extends src/test/resources/policy/cycle-b.yaml"
                + " extends src/test/resources/policy/cycle-a.yaml.");
    }

    @Test
    void rejectsTextWhereANumberBelongs() {
        assertRejected("wrong-type.yaml", "src/test/resources/policy/wrong-type.yaml line 8, field recordings.threshold:"
                + " expected a whole number, found \"high\".");
    }

    @Test
    void rejectsApprovedLocationForUnknownRecordingKind() {
        assertRejected("unknown-kind.yaml", "src/test/resources/policy/unknown-kind.yaml line 11, field"
                + " locations.approved[0].kinds[0]: \"consultation-vidoe\" is not a recording kind of this pack"
                + " (did you mean \"consultation-video\"?).");
    }

    @Test
    void rejectsSecondRuleForTheSameFindingType() {
        assertThatThrownBy(() -> loader.loadFile(TestPolicies.FIXTURES.resolve("second-rule-for-type.yaml")))
                .isInstanceOf(PolicyException.class)
                .message().matches("\\Qsrc/test/resources/policy/second-rule-for-type.yaml line 9, field"
                        + " rules[0].findingType: ANONYMOUS_LINK already has a rule (rules[8] in ../policies/nhs-england.yaml"
                        + " line \\E\\d+\\Q); a pack has one rule per finding type, so change that rule by its id instead.\\E");
    }

    @Test
    void rejectsRuleParameterOfTheWrongType() {
        assertThatThrownBy(() -> loader.loadFile(TestPolicies.FIXTURES.resolve("bad-param.yaml")))
                .hasMessageStartingWith("src/test/resources/policy/bad-param.yaml line 10, field"
                        + " rules[0].params.gracePeriod: \"soon\" is not an ISO-8601 period such as P7D, P3M or P8Y.\n");
    }

    @Test
    void rejectsParameterTheRuleDoesNotTake() {
        assertThatThrownBy(() -> loader.loadFile(TestPolicies.FIXTURES.resolve("bad-param.yaml")))
                .hasMessageEndingWith("\nsrc/test/resources/policy/bad-param.yaml line 13, field"
                        + " rules[1].params.maximumDays: is not a parameter: ANONYMOUS_LINK rules take none.");
    }

    @Test
    void rejectsMaskThatShowsMoreThanHalfTheIdentifier() {
        assertRejected("visible-mask.yaml", "src/test/resources/policy/visible-mask.yaml line 10, field"
                + " identifiers.types.nhs-number.mask: keepFirst + keepLast is 7; at most 5 characters may stay visible"
                + " so that at least half of the identifier is hidden.");
    }

    @Test
    void rejectsSchemaVersionThisWardDoesNotRead() {
        assertRejected("schema-version-2.yaml", "src/test/resources/policy/schema-version-2.yaml line 2, field"
                + " schemaVersion: \"2\" is not a schema version this Ward reads (it reads 1).");
    }

    @Test
    void reportsEveryProblemInFileOrderAtOnce() {
        assertRejected("several-problems.yaml", String.join("\n",
                "src/test/resources/policy/several-problems.yaml line 8, field sharing.maximumLinkExpiry: \"30\" is not an"
                        + " ISO-8601 period such as P7D, P3M or P8Y.",
                "src/test/resources/policy/several-problems.yaml line 9, field sharing.partnerDomains[0]: \"northvale\" is"
                        + " not a domain name such as example.nhs.uk.",
                "src/test/resources/policy/several-problems.yaml line 12, field rules[0].severity: \"severe\" is not one"
                        + " of critical, high, medium, low, info."));
    }

    @Test
    void exposesEachProblemWithItsParts() {
        assertThatThrownBy(() -> loader.loadFile(TestPolicies.FIXTURES.resolve("wrong-type.yaml")))
                .isInstanceOfSatisfying(PolicyException.class, e -> org.assertj.core.api.Assertions.assertThat(e.problems())
                        .containsExactly(new PolicyProblem("src/test/resources/policy/wrong-type.yaml", 8,
                                "recordings.threshold", "expected a whole number, found \"high\"")));
    }

    @Test
    void rejectsFileThatDoesNotExist() {
        assertThatThrownBy(() -> loader.loadFile(TestPolicies.FIXTURES.resolve("no-such-pack.yaml")))
                .hasMessageStartingWith("src/test/resources/policy/no-such-pack.yaml: the file does not exist (looked for /");
    }

    @Test
    void rejectsClasspathResourceThatDoesNotExist() {
        assertThatThrownBy(() -> loader.load("classpath:policy/no-such-pack.yaml"))
                .hasMessage("classpath:policy/no-such-pack.yaml: there is no such resource on the classpath.");
    }

    @Test
    void rejectsUnknownBuiltInPackName() {
        assertThatThrownBy(() -> loader.load("nhs-englnd"))
                .hasMessage("nhs-englnd: there is no built-in policy pack of that name; built-in packs are au-privacy,"
                        + " hipaa, nhs-england.");
    }
}
